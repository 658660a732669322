package dev.strato.generator.aws;

import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A function's non-HTTP triggers, with everything both template formats need worked out once. */
final class FunctionEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A change stream's or queue's records start from the oldest available, so none written during a deploy are missed. */
    static final String STARTING_POSITION = "TRIM_HORIZON";

    /** EventBridge Scheduler's context attribute for the time a schedule fired for. */
    static final String SCHEDULED_TIME = "<aws.scheduler.scheduled-time>";

    record Schedule(String name, String expression, String timezone, String input, boolean enabled) {}

    record Queue(String name, String queue, int batchSize) {}

    record Topic(String name, String topic, Map<String, List<String>> filter) {}

    record Bucket(String name, String bucket, List<String> s3Events, List<Object> filterRules) {}

    record Table(String name, String table, int batchSize) {}

    final List<Schedule> schedules = new ArrayList<>();
    final List<Queue> queues = new ArrayList<>();
    final List<Topic> topics = new ArrayList<>();
    final List<Bucket> buckets = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();

    FunctionEvents(Function f) {
        Map<String, Integer> ordinals = new HashMap<>();
        for (Event e : f.events()) {
            if (e instanceof Event.Http) continue;
            String name = LogicalIds.eventName(e.kind(), ordinals.merge(e.kind(), 1, Integer::sum));
            if (e instanceof Event.Schedule s) {
                schedules.add(new Schedule(
                        name,
                        ScheduleExpression.of(s),
                        s.cron() == null ? null : s.timezone(),
                        scheduleInput(f, s),
                        s.enabled()));
            } else if (e instanceof Event.Queue q) {
                queues.add(new Queue(name, q.queue(), q.batchSize()));
            } else if (e instanceof Event.Topic t) {
                topics.add(new Topic(name, t.topic(), t.filter()));
            } else if (e instanceof Event.Bucket b) {
                List<String> s3Events = b.on().stream()
                        .map(a -> a == BucketAction.CREATED ? "s3:ObjectCreated:*" : "s3:ObjectRemoved:*")
                        .toList();
                List<Object> rules = new ArrayList<>();
                if (b.prefix() != null) rules.add(Cfn.map("Name", "prefix", "Value", b.prefix()));
                if (b.suffix() != null) rules.add(Cfn.map("Name", "suffix", "Value", b.suffix()));
                buckets.add(new Bucket(name, b.bucket(), s3Events, rules));
            } else if (e instanceof Event.Table t) {
                tables.add(new Table(name, t.table(), t.batchSize()));
            }
        }
    }

    /**
     * The schedule's target input: with the adapter, the neutral schedule event with Scheduler's
     * context attribute for the time (Scheduler replaces it on each invocation); else the input as is.
     */
    private static String scheduleInput(Function f, Event.Schedule s) {
        if (!HandlerAdapters.portable(f)) return s.input() == null ? null : JSON.writeValueAsString(s.input());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "schedule");
        event.put("time", SCHEDULED_TIME);
        event.put("input", s.input());
        return JSON.writeValueAsString(event);
    }

    /** Triggers that invoke the function asynchronously, where Lambda's retries and on-failure destination apply. */
    boolean hasAsyncTriggers() {
        return !schedules.isEmpty() || !topics.isEmpty() || !buckets.isEmpty();
    }

    /** {@code Filter} of an S3 notification, or null without prefix and suffix. */
    static Map<String, Object> s3Filter(Bucket b) {
        return b.filterRules().isEmpty() ? null : Cfn.map("S3Key", Cfn.map("Rules", b.filterRules()));
    }

    /** Batches larger than 10 messages need a batching window on SQS. */
    static Integer batchingWindow(Queue q) {
        return q.batchSize() > 10 ? 1 : null;
    }
}
