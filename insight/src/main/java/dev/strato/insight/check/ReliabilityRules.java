package dev.strato.insight.check;

import static dev.strato.model.providers.Provider.AWS;

import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Value;
import dev.strato.model.support.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Messages lost, processed twice or never: timeouts against queues, dead letters, retries, wiring. */
final class ReliabilityRules {

    private ReliabilityRules() {}

    private static final String SQS_LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html";

    static final List<Rule> ALL = List.of(
            new Rule(
                    "queue-visibility-below-timeout",
                    Level.ERROR,
                    "Queue visibility timeout shorter than the consumer's timeout",
                    "A message becomes visible again while the function still works on it, so a second invocation processes it too.",
                    "Set the queue's visibilityTimeout to at least six times the function's timeout, or shorten the timeout.",
                    SQS_LAMBDA,
                    List.of(),
                    ReliabilityRules::visibilityBelowTimeout),
            new Rule(
                    "queue-visibility-below-six-timeouts",
                    Level.WARNING,
                    "Queue visibility timeout under six times the consumer's timeout",
                    "AWS recommends a visibility timeout of at least six times the function timeout, so that retries after throttling don't redeliver a batch in flight.",
                    "Raise the queue's visibilityTimeout to six times the function's timeout.",
                    SQS_LAMBDA,
                    List.of(AWS),
                    ReliabilityRules::visibilityBelowSix),
            new Rule(
                    "queue-without-dead-letter",
                    Level.WARNING,
                    "Consumed queue has no dead letter queue",
                    "A message that always fails is retried until its retention ends and then lost, blocking or slowing the batch meanwhile.",
                    "Give the queue a deadLetter queue (and maxReceiveCount).",
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
                    List.of(),
                    ReliabilityRules::queueWithoutDeadLetter),
            new Rule(
                    "async-without-dead-letter",
                    Level.WARNING,
                    "Asynchronous trigger without a dead letter",
                    "An event that fails after its retries is dropped without a trace.",
                    "Set the function's deadLetter to a queue.",
                    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
                    List.of(),
                    ReliabilityRules::asyncWithoutDeadLetter),
            new Rule(
                    "retries-without-idempotence",
                    Level.WARNING,
                    "Retried trigger whose handler is not declared idempotent",
                    "Retried and at-least-once deliveries run the handler twice for one event; a handler that is not idempotent double-charges or double-writes.",
                    "Make the handler idempotent and declare it with tags: { idempotent: \"true\" }, or set retries: 0.",
                    "https://cloud.google.com/functions/docs/bestpractices/retries",
                    List.of(),
                    ReliabilityRules::retriesWithoutIdempotence),
            new Rule(
                    "dead-letter-retention-shorter",
                    Level.WARNING,
                    "Dead letter queue keeps messages for less time than its source",
                    "A message keeps its original enqueue time when it moves to the dead letter queue, so it may expire there at once.",
                    "Give the dead letter queue a retention longer than the source queue's.",
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
                    List.of(),
                    ReliabilityRules::deadLetterRetention),
            new Rule(
                    "max-receive-count-low",
                    Level.WARNING,
                    "maxReceiveCount below 5",
                    "With a low receive count, a throttled or briefly failing consumer moves good messages to the dead letter queue.",
                    "Set maxReceiveCount to 5 or more.",
                    SQS_LAMBDA,
                    List.of(),
                    ReliabilityRules::maxReceiveLow),
            new Rule(
                    "reference-without-permission",
                    Level.WARNING,
                    "Environment names a resource the function may not use",
                    "The function gets the resource's name or URL but no role grants it access, so its first call fails with access denied.",
                    "Add the verbs the function needs under permissions.",
                    null,
                    List.of(),
                    ReliabilityRules::refWithoutPermission),
            new Rule(
                    "dead-letter-loop",
                    Level.ERROR,
                    "Function's dead letter is the queue it consumes",
                    "A failed message goes back to the queue that triggered the failure and fails again, forever.",
                    "Send failures to a queue of their own.",
                    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
                    List.of(),
                    ReliabilityRules::deadLetterLoop),
            new Rule(
                    "schedule-overlaps-itself",
                    Level.WARNING,
                    "Schedule fires again before the last run can end",
                    "The rate is shorter than the function's timeout, so a slow run overlaps the next one.",
                    "Make the handler safe to run concurrently, lengthen the rate, or shorten the timeout.",
                    null,
                    List.of(),
                    ReliabilityRules::scheduleOverlap),
            new Rule(
                    "http-timeout-above-gateway",
                    Level.WARNING,
                    "HTTP function may outlive the gateway's timeout",
                    "API Gateway HTTP APIs end a request after 30 s and Azure's front end after 230 s: the caller gets a 503/504 while the function still runs.",
                    "Keep HTTP functions under the gateway's limit; hand long work to a queue.",
                    "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html",
                    List.of(),
                    ReliabilityRules::httpTimeout),
            new Rule(
                    "queue-without-consumer",
                    Level.WARNING,
                    "Queue that nothing consumes",
                    "Messages sent to it pile up until their retention ends; it is not any queue's dead letter either.",
                    "Add a function with a queue event for it, or remove it.",
                    null,
                    List.of(),
                    ReliabilityRules::queueWithoutConsumer),
            new Rule(
                    "topic-without-subscriber",
                    Level.WARNING,
                    "Topic that no function subscribes to",
                    "Messages published to a topic without subscriptions are discarded.",
                    "Add a function with a topic event for it, or remove it.",
                    null,
                    List.of(),
                    ReliabilityRules::topicWithoutSubscriber));

    static Duration timeoutOf(Function f) {
        return f.timeout();
    }

    private static void visibilityBelowTimeout(Subject s, Report r) {
        for (Subject.Trigger<Event.Queue> t : s.triggers(Event.Queue.class)) {
            s.resource(t.event().queue(), Resource.Queue.class).ifPresent(q -> {
                if (q.visibilityTimeout().compareTo(t.function().timeout()) < 0) {
                    r.add(
                            t.path(),
                            "queue " + t.event().queue() + " hides a message for "
                                    + Durations.format(q.visibilityTimeout()) + " but "
                                    + t.function().name() + " may run for "
                                    + Durations.format(t.function().timeout()));
                }
            });
        }
    }

    private static void visibilityBelowSix(Subject s, Report r) {
        for (Subject.Trigger<Event.Queue> t : s.triggers(Event.Queue.class)) {
            s.resource(t.event().queue(), Resource.Queue.class).ifPresent(q -> {
                Duration six = t.function().timeout().multipliedBy(6);
                if (q.visibilityTimeout().compareTo(t.function().timeout()) >= 0
                        && q.visibilityTimeout().compareTo(six) < 0) {
                    r.add(
                            t.path(),
                            "queue " + t.event().queue() + " visibilityTimeout "
                                    + Durations.format(q.visibilityTimeout()) + " is under six times the timeout of "
                                    + t.function().name() + " (" + Durations.format(six) + ")",
                            AWS);
                }
            });
        }
    }

    private static void queueWithoutDeadLetter(Subject s, Report r) {
        Set<String> reported = new TreeSet<>();
        for (Subject.Trigger<Event.Queue> t : s.triggers(Event.Queue.class)) {
            s.resource(t.event().queue(), Resource.Queue.class).ifPresent(q -> {
                if (q.deadLetter() == null && reported.add(t.event().queue())) {
                    r.add(
                            "resources." + t.event().queue(),
                            "queue " + t.event().queue() + " is consumed by "
                                    + t.function().name() + " but has no deadLetter");
                }
            });
        }
    }

    private static void deadLetterLoop(Subject s, Report r) {
        for (Subject.Trigger<Event.Queue> t : s.triggers(Event.Queue.class)) {
            Function f = t.function();
            if (t.event().queue().equals(f.deadLetter())) {
                r.add(
                        "functions." + f.name() + ".deadLetter",
                        f.name() + " sends its failures to " + f.deadLetter() + ", the queue it consumes");
            }
            s.resource(t.event().queue(), Resource.Queue.class)
                    .filter(q -> t.event().queue().equals(q.deadLetter()))
                    .ifPresent(q -> r.add(
                            "resources." + t.event().queue() + ".deadLetter",
                            "queue " + t.event().queue() + " is its own dead letter"));
        }
    }

    private static void scheduleOverlap(Subject s, Report r) {
        for (Subject.Trigger<Event.Schedule> t : s.triggers(Event.Schedule.class)) {
            Duration rate = t.event().rate();
            if (rate != null && rate.compareTo(t.function().timeout()) < 0) {
                r.add(
                        t.path(),
                        "rate " + Durations.format(rate) + " is shorter than the timeout "
                                + Durations.format(t.function().timeout()) + " of "
                                + t.function().name());
            }
        }
    }

    /** The longest request each cloud's HTTP front end waits for. */
    static final Map<dev.strato.model.providers.Provider, Duration> GATEWAY_TIMEOUT =
            Map.of(AWS, Duration.ofSeconds(30), dev.strato.model.providers.Provider.AZURE, Duration.ofSeconds(230));

    private static void httpTimeout(Subject s, Report r) {
        for (Subject.Trigger<Event.Http> t : s.triggers(Event.Http.class)) {
            for (dev.strato.model.providers.Provider p : s.providers()) {
                Duration limit = GATEWAY_TIMEOUT.get(p);
                if (limit != null && t.function().timeout().compareTo(limit) > 0) {
                    r.add(
                            t.path(),
                            t.function().name() + " may run "
                                    + Durations.format(t.function().timeout()) + ", past the " + Durations.format(limit)
                                    + " the front end waits",
                            p);
                }
            }
        }
    }

    static boolean isAsync(Event e) {
        return e instanceof Event.Topic || e instanceof Event.Bucket || e instanceof Event.Schedule;
    }

    private static void asyncWithoutDeadLetter(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (f.deadLetter() == null && f.events().stream().anyMatch(ReliabilityRules::isAsync)) {
                String kinds = String.join(
                        ", ",
                        f.events().stream()
                                .filter(ReliabilityRules::isAsync)
                                .map(Event::kind)
                                .distinct()
                                .toList());
                r.add(
                        "functions." + f.name(),
                        f.name() + " has " + kinds + " triggers and no deadLetter: events failing " + f.retries()
                                + " retries are dropped");
            }
        }
    }

    static boolean declaredIdempotent(Function f) {
        return "true".equalsIgnoreCase(f.tags().getOrDefault("idempotent", ""));
    }

    private static void retriesWithoutIdempotence(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            if (declaredIdempotent(f)) continue;
            boolean retried = f.events().stream()
                    .anyMatch(e ->
                            (isAsync(e) && f.retries() > 0) || e instanceof Event.Queue || e instanceof Event.Table);
            if (retried) {
                r.add(
                        "functions." + f.name(),
                        f.name() + " can run more than once per event ("
                                + (f.retries() > 0 ? f.retries() + " retries" : "at-least-once delivery")
                                + ") and is not declared idempotent");
            }
        }
    }

    private static void deadLetterRetention(Subject s, Report r) {
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Queue q && q.deadLetter() != null) {
                s.resource(q.deadLetter(), Resource.Queue.class).ifPresent(dlq -> {
                    if (dlq.retention().compareTo(q.retention()) <= 0) {
                        r.add(
                                "resources." + name + ".deadLetter",
                                "dead letter queue " + q.deadLetter() + " keeps messages "
                                        + Durations.format(dlq.retention()) + ", not longer than " + name + "'s "
                                        + Durations.format(q.retention()));
                    }
                });
            }
        });
    }

    private static void maxReceiveLow(Subject s, Report r) {
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Queue q && q.deadLetter() != null && q.maxReceiveCount() < 5) {
                r.add(
                        "resources." + name + ".maxReceiveCount",
                        "maxReceiveCount " + q.maxReceiveCount() + " moves a message to " + q.deadLetter()
                                + " after so few receives that throttling alone can do it");
            }
        });
    }

    /** The resources an environment value points at. */
    static Set<String> referenced(Value v) {
        Set<String> names = new TreeSet<>();
        if (v instanceof Value.Ref ref) names.add(ref.resource());
        if (v instanceof Value.Concat c) c.parts().forEach(p -> names.addAll(referenced(p)));
        return names;
    }

    private static void refWithoutPermission(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            for (Map.Entry<String, Value> e : f.environment().entrySet()) {
                for (String res : referenced(e.getValue())) {
                    boolean granted = f.permissions().containsKey(res)
                            && !f.permissions().get(res).isEmpty();
                    if (!granted && s.service().resources().containsKey(res)) {
                        r.add(
                                "functions." + f.name() + ".environment." + e.getKey(),
                                e.getKey() + " names " + res + " but " + f.name() + " has no permission on it");
                    }
                }
            }
        }
    }

    static Set<String> deadLetters(Subject s) {
        Set<String> names = new TreeSet<>();
        s.service().resources().values().forEach(res -> {
            if (res instanceof Resource.Queue q && q.deadLetter() != null) names.add(q.deadLetter());
        });
        s.functions().values().forEach(f -> {
            if (f.deadLetter() != null) names.add(f.deadLetter());
        });
        return names;
    }

    private static void queueWithoutConsumer(Subject s, Report r) {
        Set<String> consumed = new TreeSet<>();
        s.triggers(Event.Queue.class).forEach(t -> consumed.add(t.event().queue()));
        Set<String> dlqs = deadLetters(s);
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Queue && !consumed.contains(name) && !dlqs.contains(name)) {
                r.add("resources." + name, "no function consumes queue " + name);
            }
        });
    }

    private static void topicWithoutSubscriber(Subject s, Report r) {
        Set<String> subscribed = new TreeSet<>();
        s.triggers(Event.Topic.class).forEach(t -> subscribed.add(t.event().topic()));
        s.service().resources().forEach((name, res) -> {
            if (res instanceof Resource.Topic && !subscribed.contains(name)) {
                r.add("resources." + name, "no function subscribes to topic " + name);
            }
        });
    }
}
