package dev.strato.generator.gcp;

import dev.strato.model.service.Event;
import dev.strato.model.service.Resource;
import java.util.List;
import java.util.Map;

/**
 * The service's own resources: buckets (uniform access, never public, versioning, expiry), one
 * Firestore database per table (kept when the configuration is destroyed), Pub/Sub topics, and for
 * each queue a topic with one subscription that never expires and dead-letters after
 * {@code maxReceiveCount} deliveries.
 */
final class DataResources {

    /** Pub/Sub's bounds for max_delivery_attempts. */
    static final int MIN_DELIVERY_ATTEMPTS = 5;

    static final int MAX_DELIVERY_ATTEMPTS = 100;

    private final ConfigurationContext ctx;

    DataResources(ConfigurationContext ctx) {
        this.ctx = ctx;
    }

    void add() {
        ctx.service().resources().forEach((name, r) -> {
            String key = GcpNames.key(name);
            if (r instanceof Resource.Bucket b) bucket(name, key, b);
            else if (r instanceof Resource.Table) table(name, key);
            else if (r instanceof Resource.Queue q) queue(name, key, q);
            else
                ctx.configuration()
                        .resource(Types.TOPIC, key, Tf.map("name", ctx.names().of(GcpNames.PUBSUB_LENGTH, name)));
        });
    }

    void outputs() {
        ctx.service().resources().forEach((name, r) -> {
            String key = GcpNames.key(name);
            if (r instanceof Resource.Bucket)
                ctx.configuration()
                        .output(
                                "bucket_" + key,
                                "name of bucket " + name,
                                ctx.refs().name(name));
            else if (r instanceof Resource.Table)
                ctx.configuration()
                        .output(
                                "table_" + key,
                                "Firestore database (and collection) of table " + name,
                                ctx.refs().name(name));
            else if (r instanceof Resource.Queue) {
                ctx.configuration()
                        .output(
                                "queue_" + key + "_topic",
                                "Pub/Sub topic of queue " + name,
                                ctx.refs().name(name));
                ctx.configuration()
                        .output(
                                "queue_" + key + "_subscription",
                                "Pub/Sub subscription of queue " + name,
                                ctx.refs().subscription(name, "name"));
            } else {
                ctx.configuration()
                        .output(
                                "topic_" + key,
                                "Pub/Sub topic of topic " + name,
                                ctx.refs().name(name));
            }
        });
    }

    private void bucket(String name, String key, Resource.Bucket b) {
        ctx.configuration()
                .resource(
                        Types.BUCKET,
                        key,
                        Tf.map(
                                "name",
                                ctx.names().bucket(name),
                                "location",
                                Variables.region(),
                                "uniform_bucket_level_access",
                                true,
                                "public_access_prevention",
                                "enforced",
                                "versioning",
                                Tf.map("enabled", b.versioning()),
                                "lifecycle_rule",
                                b.expireAfterDays() == null
                                        ? null
                                        : List.of(Tf.map(
                                                "action", Tf.map("type", "Delete"),
                                                "condition", Tf.map("age", b.expireAfterDays()))),
                                "cors",
                                b.cors() == null ? null : List.of(cors(b.cors())),
                                "force_destroy",
                                Tf.var(Variables.DELETE_DATA)));
    }

    private static Map<String, Object> cors(Event.Cors cors) {
        return Tf.map(
                "origin", cors.origins(),
                "method", cors.methods(),
                "response_header", cors.headers(),
                "max_age_seconds", cors.maxAge() == null ? null : cors.maxAge().toSeconds());
    }

    private void table(String name, String key) {
        ctx.configuration()
                .resource(
                        Types.FIRESTORE,
                        key,
                        Tf.map(
                                "name", ctx.names().of(GcpNames.DATABASE_LENGTH, name),
                                "location_id", Variables.region(),
                                "type", "FIRESTORE_NATIVE",
                                // ABANDON keeps the data when the configuration is destroyed; strato's deploy imports a
                                // kept database again
                                "deletion_policy",
                                        Tf.expr("var." + Variables.DELETE_DATA + " ? \"DELETE\" : \"ABANDON\"")));
    }

    private void queue(String name, String key, Resource.Queue q) {
        String physical = ctx.names().of(GcpNames.PUBSUB_LENGTH, name);
        ctx.configuration().resource(Types.TOPIC, key, Tf.map("name", physical));
        ctx.configuration()
                .resource(
                        Types.SUBSCRIPTION,
                        key,
                        Tf.map(
                                "name",
                                physical,
                                "topic",
                                ctx.refs().attribute(name, "id"),
                                "ack_deadline_seconds",
                                q.visibilityTimeout().toSeconds(),
                                "message_retention_duration",
                                q.retention().toSeconds() + "s",
                                "expiration_policy",
                                neverExpires(),
                                "dead_letter_policy",
                                q.deadLetter() == null ? null : deadLetter(q.deadLetter(), q.maxReceiveCount())));
        if (q.deadLetter() != null) deadLetterGrants(key, ctx.refs().subscription(name, "name"), q.deadLetter());
    }

    static Map<String, Object> neverExpires() {
        return Tf.map("ttl", "");
    }

    /** Pub/Sub counts deliveries, not retries, and takes 5 to 100 of them. */
    Map<String, Object> deadLetter(String queue, int deliveries) {
        return Tf.map(
                "dead_letter_topic", ctx.refs().attribute(queue, "id"),
                "max_delivery_attempts", Math.max(MIN_DELIVERY_ATTEMPTS, Math.min(MAX_DELIVERY_ATTEMPTS, deliveries)));
    }

    /** Pub/Sub's agent publishes to the dead-letter topic and acknowledges on the subscription it moves messages from. */
    void deadLetterGrants(String subscriptionKey, Object subscriptionName, String deadLetterQueue) {
        Object agent = ctx.iam().pubsubAgent();
        ctx.iam()
                .grant(
                        Types.TOPIC_IAM,
                        GcpNames.key(deadLetterQueue) + "_dead_letter",
                        Tf.map("topic", ctx.refs().name(deadLetterQueue)),
                        Iam.PUBSUB_PUBLISHER,
                        agent);
        ctx.iam()
                .grant(
                        Types.SUBSCRIPTION_IAM,
                        subscriptionKey + "_dead_letter",
                        Tf.map("subscription", subscriptionName),
                        Iam.PUBSUB_SUBSCRIBER,
                        agent);
    }
}
