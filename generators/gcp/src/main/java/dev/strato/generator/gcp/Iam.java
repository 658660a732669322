package dev.strato.generator.gcp;

import java.util.LinkedHashMap;
import java.util.Map;

/** IAM members of the configuration: a service account's member string, the Google service agents, and grants. */
final class Iam {

    static final String RUN_INVOKER = "roles/run.invoker";
    static final String PUBSUB_PUBLISHER = "roles/pubsub.publisher";
    static final String PUBSUB_SUBSCRIBER = "roles/pubsub.subscriber";
    static final String EVENT_RECEIVER = "roles/eventarc.eventReceiver";
    static final String TOKEN_CREATOR = "roles/iam.serviceAccountTokenCreator";
    private static final String DATA_PROJECT_NAME = "this";
    private static final String DATA_GCS_AGENT_NAME = "gcs";

    private final Configuration c;

    Iam(Configuration c) {
        this.c = c;
    }

    static Tf.Expr member(String serviceAccountKey) {
        return Tf.ref(Types.SERVICE_ACCOUNT, serviceAccountKey, "member");
    }

    static Tf.Expr email(String serviceAccountKey) {
        return Tf.ref(Types.SERVICE_ACCOUNT, serviceAccountKey, "email");
    }

    /** Pub/Sub's service agent, which pushes to dead-letter topics and acknowledges what it moves there. */
    Object pubsubAgent() {
        c.data(Types.DATA_PROJECT, DATA_PROJECT_NAME, Map.of());
        return Tf.template(
                "serviceAccount:service-",
                Tf.expr("data." + Types.DATA_PROJECT + "." + DATA_PROJECT_NAME + ".number"),
                "@gcp-sa-pubsub.iam.gserviceaccount.com");
    }

    /** Cloud Storage's service agent, which publishes a bucket's events for Eventarc. */
    Object storageAgent() {
        c.data(Types.DATA_GCS_AGENT, DATA_GCS_AGENT_NAME, Map.of());
        return Tf.template(
                "serviceAccount:",
                Tf.expr("data." + Types.DATA_GCS_AGENT + "." + DATA_GCS_AGENT_NAME + ".email_address"));
    }

    /**
     * {@code type.name} grants {@code role} to {@code member} on the one resource {@code scope}
     * names ({@code topic: ...}, {@code bucket: ...}); a grant made before is not made again.
     */
    void grant(String type, String name, Map<String, Object> scope, String role, Object member) {
        if (c.has(type, name)) return;
        Map<String, Object> body = new LinkedHashMap<>(scope);
        body.put("role", role);
        body.put("member", member);
        c.resource(type, name, body);
    }

    /** roles/run.invoker on a function's Cloud Run service. */
    void invoker(String functionKey, String name, Object member) {
        grant(
                Types.RUN_IAM,
                name,
                Tf.map(
                        "location", Variables.region(),
                        "name", Tf.ref(Types.FUNCTION, functionKey, "service_config[0].service")),
                RUN_INVOKER,
                member);
    }

    /** A project-level grant: only where GCP has no narrower scope (Firestore, Eventarc, the storage agent). */
    void project(String name, String role, Object member, Map<String, Object> condition) {
        Map<String, Object> scope = Tf.map("project", Variables.project());
        grant(Types.PROJECT_IAM, name, scope, role, member);
        if (condition != null) c.body(Types.PROJECT_IAM, name).put("condition", condition);
    }
}
