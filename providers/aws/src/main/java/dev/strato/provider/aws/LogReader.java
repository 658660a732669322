package dev.strato.provider.aws;

import dev.strato.provider.LogEvent;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import dev.strato.provider.ProviderException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * logs: FilterLogEvents from a time on; following polls again from the newest timestamp seen
 * (inclusive, since events of the same millisecond may arrive late) and drops ids already shown.
 */
final class LogReader {

    private final CloudWatchLogsClient logs;

    LogReader(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    void read(String logGroup, LogQuery query, LogSink sink) {
        long from = query.since().toEpochMilli();
        Map<String, Long> shown = new HashMap<>();
        while (!sink.stopped()) {
            List<LogEvent> batch = fetch(logGroup, from, query);
            batch.sort(Comparator.comparing(LogEvent::time).thenComparing(LogEvent::id));
            for (LogEvent e : batch) {
                if (shown.putIfAbsent(e.id(), e.time().toEpochMilli()) == null) sink.accept(e);
            }
            if (!query.follow()) return;
            if (!batch.isEmpty()) {
                long newest = batch.get(batch.size() - 1).time().toEpochMilli();
                if (newest > from) {
                    from = newest;
                    long cutoff = from;
                    shown.values().removeIf(time -> time < cutoff);
                }
            }
            try {
                Thread.sleep(query.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<LogEvent> fetch(String logGroup, long from, LogQuery query) {
        List<LogEvent> events = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName(logGroup)
                        .startTime(from)
                        .nextToken(next)
                        .filterPattern(query.filter() == null || query.filter().isBlank() ? null : query.filter()));
                page.events()
                        .forEach(e -> events.add(new LogEvent(
                                e.eventId(),
                                Instant.ofEpochMilli(e.timestamp()),
                                e.logStreamName(),
                                e.message() == null ? "" : e.message().stripTrailing())));
                token = page.nextToken();
            } while (token != null);
        } catch (ResourceNotFoundException e) {
            if (query.follow()) return events;
            throw new ProviderException(
                    "no log group " + logGroup + " yet: function " + query.function() + " has not written any log");
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not read log group " + logGroup + ": " + AwsErrors.describe(e), e);
        }
        return events;
    }
}
