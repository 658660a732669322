package dev.strato.provider.gcp;

import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.support.Names;
import dev.strato.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The names in a generated main.tf.json that commands need before (or without) reading Terraform's state: each
 * function's Cloud Functions name and trigger, the Pub/Sub topic of each queue and topic, the data resources.
 * Literal names are resolved here; {@code ${var.project}} and {@code ${var.region}} are the deployment's.
 */
final class ConfigDocument {

    static final String FUNCTION = "google_cloudfunctions2_function";
    static final String BUCKET = "google_storage_bucket";
    static final String DATABASE = "google_firestore_database";
    static final String TOPIC = "google_pubsub_topic";
    /** The bucket of the function sources that the configuration manages itself: not data. */
    static final String SOURCES_BUCKET = "strato_sources";

    private static final Pattern REF = Pattern.compile("\\$\\{([a-z0-9_]+)\\.([a-z0-9_]+)\\.([a-z0-9_]+)}");

    /** A function: its model name, Terraform key, Cloud Functions name, and how an invoke reaches it. */
    record FunctionRef(String name, String key, String cloudName, Trigger trigger, String target) {}

    /** How an invoke reaches a function: its URL, a Pub/Sub topic (queue or topic events), a bucket upload. */
    enum Trigger {
        HTTP,
        TOPIC,
        BUCKET,
        OTHER
    }

    /** A resource that holds data: kept by remove unless --include-data. */
    record DataResource(String type, String key, String name) {

        String address() {
            return type + "." + key;
        }
    }

    private final JsonNode root;
    private final Service service;

    private ConfigDocument(Service service, JsonNode root) {
        this.service = service;
        this.root = root;
    }

    static ConfigDocument parse(Service service, byte[] json) {
        return new ConfigDocument(service, GoogleRest.JSON.readTree(json));
    }

    JsonNode root() {
        return root;
    }

    static String key(String modelName) {
        return Names.kebab(modelName).replace('-', '_');
    }

    /** The literal value of {@code attr} of a resource, with variables substituted; null when it is not literal. */
    String literal(String type, String key, String attr, GcpTarget target) {
        JsonNode v = root.path("resource").path(type).path(key).path(attr);
        if (!v.isString()) return null;
        String text =
                v.asString().replace("${var.project}", target.project()).replace("${var.region}", target.region());
        Matcher m = REF.matcher(text);
        if (m.matches()) return literal(m.group(1), m.group(2), m.group(3), target);
        return text.contains("${") ? null : text;
    }

    Map<String, FunctionRef> functions(GcpTarget target) {
        Map<String, FunctionRef> map = new LinkedHashMap<>();
        for (Function f : service.functions().values()) {
            String k = key(f.name());
            String cloudName = literal(FUNCTION, k, "name", target);
            if (cloudName == null) continue;
            Trigger trigger = Trigger.OTHER;
            String to = null;
            for (Event e : f.events()) {
                if (e instanceof Event.Http) {
                    trigger = Trigger.HTTP;
                    break;
                }
                String resource = resourceOf(e);
                if (resource == null) continue;
                Resource r = service.resources().get(resource);
                if (r instanceof Resource.Queue || r instanceof Resource.Topic) {
                    trigger = Trigger.TOPIC;
                    to = literal(TOPIC, key(resource), "name", target);
                } else if (r instanceof Resource.Bucket) {
                    trigger = Trigger.BUCKET;
                    to = literal(BUCKET, key(resource), "name", target);
                }
                if (to != null) break;
            }
            map.put(f.name(), new FunctionRef(f.name(), k, cloudName, trigger, to));
        }
        return map;
    }

    private static String resourceOf(Event e) {
        if (e instanceof Event.Queue q) return q.queue();
        if (e instanceof Event.Topic t) return t.topic();
        if (e instanceof Event.Bucket b) return b.bucket();
        return null;
    }

    FunctionRef function(String name, GcpTarget target) {
        Map<String, FunctionRef> all = functions(target);
        FunctionRef f = all.get(name);
        if (f == null) {
            throw new ProviderException("unknown function '" + name + "'"
                    + dev.strato.model.support.Suggestions.didYouMean(name, all.keySet()) + " (functions: "
                    + String.join(", ", all.keySet()) + ")");
        }
        return f;
    }

    /** The buckets (other than the sources bucket) and Firestore databases of the configuration. */
    List<DataResource> dataResources(GcpTarget target) {
        List<DataResource> list = new ArrayList<>();
        for (String type : List.of(BUCKET, DATABASE)) {
            for (var e : root.path("resource").path(type).properties()) {
                if (type.equals(BUCKET) && e.getKey().equals(SOURCES_BUCKET)) continue;
                list.add(new DataResource(type, e.getKey(), literal(type, e.getKey(), "name", target)));
            }
        }
        return list;
    }

    /** Every resource address of the configuration, for resources Terraform would create. */
    List<String> addresses() {
        List<String> list = new ArrayList<>();
        for (var type : root.path("resource").properties())
            for (var r : type.getValue().properties()) list.add(type.getKey() + "." + r.getKey());
        return list;
    }
}
