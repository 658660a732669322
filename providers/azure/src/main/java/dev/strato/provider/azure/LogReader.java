package dev.strato.provider.azure;

import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import com.azure.monitor.query.models.QueryTimeInterval;
import dev.strato.provider.LogEvent;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A function's traces and exceptions from the Log Analytics workspace behind the app's Application
 * Insights (workspace-based: tables AppTraces and AppExceptions,
 * learn.microsoft.com/azure/azure-monitor/reference/tables/apptraces), queried with azure-monitor-query.
 * {@code --tail} polls from the newest event seen, with an overlap for late ingestion, and prints each
 * event once (by {@code _ItemId}).
 */
final class LogReader {

    /** Ingestion into Log Analytics lags by seconds to minutes; each poll re-reads this far back. */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    static final int MAX_ROWS = 5000;

    private final LogsQueryClient client;

    LogReader(LogsQueryClient client) {
        this.client = client;
    }

    void read(
            String workspaceId,
            String app,
            String function,
            LogQuery query,
            LogSink sink,
            java.util.function.Consumer<Duration> sleeper) {
        Set<String> seen = new HashSet<>();
        Instant from = query.since() == null ? Instant.now().minus(Duration.ofHours(1)) : query.since();
        while (true) {
            Instant to = Instant.now().plusSeconds(1);
            Instant newest = read(workspaceId, kql(app, function, query.filter(), from), from, to, seen, sink);
            if (!query.follow() || sink.stopped()) return;
            Instant next = (newest == null ? to : newest).minus(OVERLAP);
            if (next.isAfter(from)) from = next;
            try {
                sleeper.accept(query.pollInterval() == null ? Duration.ofSeconds(5) : query.pollInterval());
            } catch (RuntimeException e) {
                // Ctrl-C (an interrupt) ends following; anything else is a failure
                if (Thread.currentThread().isInterrupted()) return;
                throw e;
            }
            if (sink.stopped()) return;
            if (seen.size() > 100_000) seen = new LinkedHashSet<>(seen);
        }
    }

    private Instant read(String workspaceId, String kql, Instant from, Instant to, Set<String> seen, LogSink sink) {
        LogsQueryResult result = AzureErrors.call(
                "query the logs",
                () -> client.queryWorkspace(
                        workspaceId,
                        kql,
                        new QueryTimeInterval(
                                OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                                OffsetDateTime.ofInstant(to, ZoneOffset.UTC))));
        Instant newest = null;
        if (result.getTable() == null) return null;
        for (LogsTableRow row : result.getTable().getRows()) {
            String id = text(row, "_ItemId");
            Instant time = OffsetDateTime.parse(text(row, "TimeGenerated")).toInstant();
            if (newest == null || time.isAfter(newest)) newest = time;
            if (!seen.add(id == null ? time + text(row, "Text") : id)) continue;
            String level = text(row, "Level");
            sink.accept(new LogEvent(
                    id,
                    time,
                    text(row, "Type") + (level == null || level.isEmpty() ? "" : "/" + level),
                    text(row, "Text")));
            if (sink.stopped()) break;
        }
        return newest;
    }

    private static String text(LogsTableRow row, String column) {
        return row.getColumnValue(column).map(LogsTableCell::getValueAsString).orElse(null);
    }

    /** The query: one function's traces and exceptions, oldest first. */
    static String kql(String app, String function, String filter, Instant from) {
        StringBuilder q = new StringBuilder();
        q.append("union isfuzzy=true AppTraces, AppExceptions\n")
                .append("| where TimeGenerated >= datetime(")
                .append(from)
                .append(")\n")
                .append("| where AppRoleName =~ ")
                .append(literal(app))
                .append(" and OperationName =~ ")
                .append(literal(function))
                .append('\n')
                .append(
                        "| extend Text = iif(Type == 'AppExceptions', strcat(ExceptionType, ': ', OuterMessage), Message)\n")
                .append(
                        "| extend Level = case(SeverityLevel == 0, 'verbose', SeverityLevel == 1, 'info', SeverityLevel == 2, 'warning', SeverityLevel == 3, 'error', SeverityLevel == 4, 'critical', '')\n");
        if (filter != null && !filter.isBlank())
            q.append("| where Text contains ").append(literal(filter)).append('\n');
        q.append("| project TimeGenerated, _ItemId, Type, Level, Text\n| order by TimeGenerated asc\n| take ")
                .append(MAX_ROWS);
        return q.toString();
    }

    /** A KQL string literal (learn.microsoft.com/kusto/query/scalar-data-types/string): backslash escapes in double quotes. */
    static String literal(String s) {
        return "\""
                + s.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\r", "\\r") + "\"";
    }
}
