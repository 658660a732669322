package dev.strato.generator.gcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Google APIs the configuration uses, enabled by it (and left enabled when it is destroyed,
 * since other things in the project may use them). A resource that refers to no other managed
 * resource waits for them explicitly; every other one waits through what it refers to.
 */
final class ProjectApis {

    static final String NAME = "strato_apis";
    static final String ADDRESS = Types.PROJECT_SERVICE + "." + NAME;

    /** The API each resource type needs. */
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry(Types.SERVICE_ACCOUNT, "iam"),
            Map.entry(Types.BUCKET, "storage"),
            Map.entry(Types.FIRESTORE, "firestore"),
            Map.entry(Types.TOPIC, "pubsub"),
            Map.entry(Types.SECRET_IAM, "secretmanager"),
            Map.entry(Types.SCHEDULER_JOB, "cloudscheduler"),
            Map.entry(Types.EVENTARC_TRIGGER, "eventarc"),
            Map.entry(Types.ALERT_POLICY, "monitoring"),
            Map.entry(Types.API, "apigateway"),
            Map.entry(Types.PROJECT_IAM, "cloudresourcemanager"));

    /** {@code google_x.name}, not {@code data.google_x.name}. */
    private static final Pattern MANAGED_REFERENCE = Pattern.compile("(?<![.\\w])google_[a-z0-9_]+\\.[A-Za-z_]");

    private ProjectApis() {}

    static void add(Configuration c) {
        Map<String, Object> apis = new TreeMap<>();
        for (String api : new String[] {"artifactregistry", "cloudbuild", "cloudfunctions", "run"})
            apis.put(api, api + ".googleapis.com");
        for (String type : c.resources().keySet()) {
            String api = BY_TYPE.get(type);
            if (api != null) apis.put(api, api + ".googleapis.com");
        }
        if (c.resources().containsKey(Types.EVENTARC_TRIGGER)
                || (c.resources().containsKey(Types.FUNCTION)
                        && c.resources().get(Types.FUNCTION).values().stream()
                                .anyMatch(f -> f instanceof Map<?, ?> m && m.get("event_trigger") != null))) {
            // Eventarc delivers through a Pub/Sub subscription of its own, and reads Cloud Audit Logs sources from
            // Logging
            for (String api : new String[] {"eventarc", "pubsub", "logging"}) apis.put(api, api + ".googleapis.com");
        }
        if (c.resources().containsKey(Types.API)) {
            apis.put("servicecontrol", "servicecontrol.googleapis.com");
            apis.put("servicemanagement", "servicemanagement.googleapis.com");
        }
        for (Map.Entry<String, Map<String, Object>> type : c.resources().entrySet()) {
            for (Object body : type.getValue().values()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> b = (Map<String, Object>) body;
                if (refersToManagedResource(b)) continue;
                List<Object> dependsOn = new ArrayList<>(List.of(ADDRESS));
                if (b.get("depends_on") instanceof List<?> earlier) dependsOn.addAll(earlier);
                b.put("depends_on", dependsOn);
            }
        }
        c.resource(
                Types.PROJECT_SERVICE,
                NAME,
                Tf.map("for_each", apis, "service", Tf.expr("each.value"), "disable_on_destroy", false));
    }

    private static boolean refersToManagedResource(Object value) {
        if (value instanceof Tf.Expr e)
            return MANAGED_REFERENCE.matcher(e.code()).find();
        if (value instanceof Tf.Template t) return t.parts().stream().anyMatch(ProjectApis::refersToManagedResource);
        if (value instanceof Map<?, ?> m) return m.values().stream().anyMatch(ProjectApis::refersToManagedResource);
        if (value instanceof Iterable<?> l) {
            for (Object o : l) {
                if (refersToManagedResource(o)) return true;
            }
        }
        return false;
    }
}
