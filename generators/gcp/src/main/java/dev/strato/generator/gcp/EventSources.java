package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.support.Durations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What sends each function its events: Cloud Scheduler jobs with an OIDC token of the scheduler's
 * service account, Pub/Sub push subscriptions (a queue's own subscription, or one per consuming
 * function of a topic, with the event's filter and the function's dead letter), and Eventarc.
 */
final class EventSources {

    static final String SCHEDULER_ACCOUNT = "strato_scheduler";
    /** Cloud Scheduler's bounds for an HTTP target's attempt deadline, in seconds. */
    static final long MIN_ATTEMPT_DEADLINE = 15;

    static final long MAX_ATTEMPT_DEADLINE = 1800;
    static final int MAX_SCHEDULER_RETRIES = 5;
    /** Pub/Sub's bounds for a push subscription's acknowledgement deadline, in seconds. */
    static final long MIN_ACK_DEADLINE = 10;

    static final long MAX_ACK_DEADLINE = 600;
    /** Pub/Sub's longest subscription filter, in bytes. */
    static final int MAX_FILTER_BYTES = 256;

    static final String TOKEN_CREATOR_GRANT = "strato_pubsub_agent_token_creator";
    /** Cloud Storage's service agent publishes a bucket's events to Eventarc's topic. */
    static final String STORAGE_AGENT_GRANT = "strato_storage_agent_publisher";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurationContext ctx;
    private final DataResources data;

    EventSources(ConfigurationContext ctx, DataResources data) {
        this.ctx = ctx;
        this.data = data;
    }

    void add(Delivery d) throws GenerationException {
        Function f = d.function();
        String fn = GcpNames.key(f.name());
        if (!d.schedules().isEmpty()) schedulerAccount();
        for (Delivery.Schedule s : d.schedules()) schedule(f, fn, s);
        if (!d.schedules().isEmpty()) ctx.iam().invoker(fn, fn + "_scheduler", Iam.member(SCHEDULER_ACCOUNT));
        for (Delivery.Push p : d.pushes()) push(f, fn, p);
        for (Delivery.EventarcSource e : d.separateTriggers()) trigger(fn, e);
        if (d.invokedByItsAccount()) {
            ctx.iam().invoker(fn, fn + "_events", Iam.member(fn));
            tokenCreator();
        }
        if (!d.eventarc().isEmpty())
            ctx.iam().project(fn + "_event_receiver", Iam.EVENT_RECEIVER, Iam.member(fn), null);
        if (d.eventarc().stream().anyMatch(e -> e.eventType().startsWith("google.cloud.storage."))) {
            ctx.iam()
                    .project(
                            STORAGE_AGENT_GRANT, Iam.PUBSUB_PUBLISHER, ctx.iam().storageAgent(), null);
        }
    }

    /** The function's own event_trigger block, for a CloudEvent function. */
    static Map<String, Object> eventTrigger(Function f, Delivery.EventarcSource e) {
        String fn = GcpNames.key(f.name());
        return Tf.map(
                "trigger_region", Variables.region(),
                "event_type", e.eventType(),
                "event_filters", e.filters(),
                "retry_policy", f.retries() > 0 ? "RETRY_POLICY_RETRY" : "RETRY_POLICY_DO_NOT_RETRY",
                "service_account_email", Iam.email(fn));
    }

    /** What the function's Cloud Run service must exist for: the grants its Eventarc sources need first. */
    static List<String> eventarcPrerequisites(Delivery d) {
        List<String> list = new ArrayList<>();
        if (d.eventarc().isEmpty()) return list;
        String fn = GcpNames.key(d.function().name());
        list.add(Types.PROJECT_IAM + "." + fn + "_event_receiver");
        list.add(Types.PROJECT_IAM + "." + TOKEN_CREATOR_GRANT);
        if (d.eventarc().stream().anyMatch(e -> e.eventType().startsWith("google.cloud.storage."))) {
            list.add(Types.PROJECT_IAM + "." + STORAGE_AGENT_GRANT);
        }
        return list;
    }

    private void schedulerAccount() {
        if (ctx.configuration().has(Types.SERVICE_ACCOUNT, SCHEDULER_ACCOUNT)) return;
        ctx.configuration()
                .resource(
                        Types.SERVICE_ACCOUNT,
                        SCHEDULER_ACCOUNT,
                        Tf.map(
                                "account_id", ctx.names().serviceAccount("scheduler"),
                                "display_name", "strato " + ctx.names().label() + " Cloud Scheduler",
                                "description",
                                        "Calls the scheduled functions of "
                                                + ctx.names().label()));
    }

    private void schedule(Function f, String fn, Delivery.Schedule s) throws GenerationException {
        Event.Schedule e = s.event();
        Tf.Expr uri = uri(fn);
        ctx.configuration()
                .resource(
                        Types.SCHEDULER_JOB,
                        s.key(),
                        Tf.map(
                                "name",
                                        ctx.names()
                                                .of(
                                                        GcpNames.SCHEDULER_JOB_LENGTH,
                                                        s.key().replace('_', '-')),
                                "region", Variables.region(),
                                "description",
                                        f.name() + ": "
                                                + (e.cron() != null
                                                        ? "cron " + e.cron()
                                                        : "rate " + Durations.format(e.rate())),
                                "schedule", ScheduleCron.of(e),
                                "time_zone", e.timezone(),
                                "paused", !e.enabled(),
                                "attempt_deadline",
                                        Math.max(
                                                        MIN_ATTEMPT_DEADLINE,
                                                        Math.min(
                                                                MAX_ATTEMPT_DEADLINE,
                                                                f.timeout().toSeconds()))
                                                + "s",
                                "retry_config", Tf.map("retry_count", Math.min(f.retries(), MAX_SCHEDULER_RETRIES)),
                                "http_target",
                                        Tf.map(
                                                "http_method", "POST",
                                                "uri", uri,
                                                "body",
                                                        Base64.getEncoder()
                                                                .encodeToString(JSON.writeValueAsString(
                                                                                e.input() == null
                                                                                        ? Map.of()
                                                                                        : e.input())
                                                                        .getBytes(StandardCharsets.UTF_8)),
                                                "headers", Tf.map("Content-Type", "application/json"),
                                                "oidc_token",
                                                        Tf.map(
                                                                "service_account_email",
                                                                Iam.email(SCHEDULER_ACCOUNT),
                                                                "audience",
                                                                uri)),
                                // a first run before the invoker grant would get 403
                                "depends_on", List.of(Types.RUN_IAM + "." + fn + "_scheduler")));
    }

    /**
     * The bare name of a function's Cloud Run service: {@code service_config[0].service} is the full
     * {@code projects/P/locations/R/services/S}, while an Eventarc destination and the
     * {@code service_name} label of Cloud Run metrics hold only {@code S}.
     */
    static Tf.Expr serviceName(String functionKey) {
        return Tf.expr("reverse(split(\"/\", "
                + Tf.ref(Types.FUNCTION, functionKey, "service_config[0].service")
                        .code() + "))[0]");
    }

    static Tf.Expr uri(String functionKey) {
        return Tf.ref(Types.FUNCTION, functionKey, "service_config[0].uri");
    }

    private void push(Function f, String fn, Delivery.Push p) throws GenerationException {
        Map<String, Object> pushConfig = Tf.map(
                "push_endpoint", uri(fn),
                "oidc_token", Tf.map("service_account_email", Iam.email(fn)));
        Map<String, Object> retry = Tf.map("minimum_backoff", "10s", "maximum_backoff", "600s");
        if (p.event() instanceof Event.Queue q) {
            Map<String, Object> subscription = ctx.configuration().body(Types.SUBSCRIPTION, GcpNames.key(q.queue()));
            if (subscription.containsKey("push_config")) {
                throw new GenerationException("queue " + q.queue()
                        + " has more than one consuming function, but a Pub/Sub subscription"
                        + " pushes to one endpoint: let one function consume it (" + f.name() + " is the second)");
            }
            subscription.put("push_config", pushConfig);
            subscription.put("retry_policy", retry);
            // a push is cut off (and delivered again) at the ack deadline: it must last the function's timeout
            long queueDeadline = ((Number) subscription.get("ack_deadline_seconds")).longValue();
            subscription.put("ack_deadline_seconds", Math.max(queueDeadline, ackDeadline(f)));
            subscription.put("depends_on", List.of(tokenCreator()));
            return;
        }
        Event.Topic t = (Event.Topic) p.event();
        long ackDeadline = ackDeadline(f);
        Object name = Tf.ref(Types.SUBSCRIPTION, p.key(), "name");
        ctx.configuration()
                .resource(
                        Types.SUBSCRIPTION,
                        p.key(),
                        Tf.map(
                                "name",
                                        ctx.names()
                                                .of(
                                                        GcpNames.PUBSUB_LENGTH,
                                                        p.key().replace('_', '-')),
                                "topic", ctx.refs().attribute(t.topic(), "id"),
                                "filter", filter(t),
                                "ack_deadline_seconds", ackDeadline,
                                "expiration_policy", DataResources.neverExpires(),
                                "retry_policy", retry,
                                "dead_letter_policy",
                                        f.deadLetter() == null
                                                ? null
                                                : data.deadLetter(f.deadLetter(), f.retries() + 1),
                                "push_config", pushConfig,
                                "depends_on", List.of(tokenCreator())));
        if (f.deadLetter() != null) data.deadLetterGrants(p.key(), name, f.deadLetter());
    }

    /**
     * For a push subscription the ack deadline is also how long Pub/Sub waits for the endpoint's
     * answer: the function's timeout, within Pub/Sub's 10 to 600 seconds (validation keeps the
     * timeout of a function with queue or topic events within 540).
     */
    static long ackDeadline(Function f) {
        return Math.max(MIN_ACK_DEADLINE, Math.min(MAX_ACK_DEADLINE, f.timeout().toSeconds()));
    }

    /**
     * Pub/Sub's service agent mints the OIDC tokens of push subscriptions and Eventarc triggers.
     * Projects whose Pub/Sub API was enabled on or before 8 April 2021 do not give it Token
     * Creator by default; granting it is harmless where it already has it. Only the project has
     * a scope for that grant in the provider schema strato checks against, as Google documents it.
     */
    private String tokenCreator() {
        ctx.iam().project(TOKEN_CREATOR_GRANT, Iam.TOKEN_CREATOR, ctx.iam().pubsubAgent(), null);
        return Types.PROJECT_IAM + "." + TOKEN_CREATOR_GRANT;
    }

    /** A topic event's filter as a Pub/Sub filter on message attributes: any listed value of each attribute. */
    static String filter(Event.Topic t) throws GenerationException {
        if (t.filter().isEmpty()) return null;
        List<String> clauses = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : t.filter().entrySet()) {
            List<String> any = e.getValue().stream()
                    .map(v -> "attributes." + e.getKey() + " = " + quoted(v))
                    .toList();
            clauses.add(any.size() == 1 ? any.get(0) : "(" + String.join(" OR ", any) + ")");
        }
        String filter = String.join(" AND ", clauses);
        if (filter.getBytes(StandardCharsets.UTF_8).length > MAX_FILTER_BYTES) {
            throw new GenerationException("the filter of topic event " + t.topic() + " is " + filter.length()
                    + " characters as a Pub/Sub filter, which takes at most " + MAX_FILTER_BYTES + " bytes: " + filter);
        }
        return filter;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The grants a trigger is checked against when it is created, or needs for its first event. */
    private List<String> triggerPrerequisites(String fn, Delivery.EventarcSource e) {
        List<String> list = new ArrayList<>(List.of(
                Types.PROJECT_IAM + "." + fn + "_event_receiver",
                Types.RUN_IAM + "." + fn + "_events",
                tokenCreator()));
        if (e.eventType().startsWith("google.cloud.storage.")) list.add(Types.PROJECT_IAM + "." + STORAGE_AGENT_GRANT);
        return list;
    }

    private void trigger(String fn, Delivery.EventarcSource e) {
        List<Object> criteria = new ArrayList<>();
        criteria.add(Tf.map("attribute", "type", "value", e.eventType()));
        criteria.addAll(e.filters());
        ctx.configuration()
                .resource(
                        Types.EVENTARC_TRIGGER,
                        e.key(),
                        Tf.map(
                                "name",
                                        ctx.names()
                                                .of(
                                                        GcpNames.EVENTARC_TRIGGER_LENGTH,
                                                        e.key().replace('_', '-')),
                                "location", Variables.region(),
                                "matching_criteria", criteria,
                                "service_account", Iam.email(fn),
                                "destination",
                                        Tf.map(
                                                "cloud_run_service",
                                                Tf.map(
                                                        "service", serviceName(fn),
                                                        "region", Variables.region())),
                                "depends_on", triggerPrerequisites(fn, e)));
    }
}
