package dev.strato.provider.gcp;

import dev.strato.provider.ProviderException;
import dev.strato.provider.StackInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What info shows: each function as Cloud Functions (v2 REST) reports it (state, URI, trigger, runtime, memory), and
 * the scheduler jobs, topics, buckets and databases of the configuration with the deployment's outputs.
 * Reference: https://cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions
 */
final class FunctionInspector {

    private final GcpClients clients;
    private final ConfigDocument document;

    FunctionInspector(GcpClients clients, ConfigDocument document) {
        this.clients = clients;
        this.document = document;
    }

    /** The function as Cloud Functions reports it; null when it does not exist. */
    JsonNode function(String cloudName) {
        try {
            return clients.rest()
                    .get("cloudfunctions", "/v2/" + clients.target().location() + "/functions/" + cloudName);
        } catch (GoogleApiException e) {
            if (e.notFound()) return null;
            throw new ProviderException("could not read function " + cloudName + ": " + GcpErrors.describe(e), e);
        }
    }

    /** The HTTPS URI of a deployed function. */
    String uri(ConfigDocument.FunctionRef f) {
        JsonNode fn = function(f.cloudName());
        if (fn == null)
            throw new ProviderException("function " + f.name() + " (" + f.cloudName() + ") is not deployed in "
                    + clients.target().location() + ": run 'strato deploy --provider gcp'");
        String uri =
                fn.path("serviceConfig").path("uri").asString(fn.path("url").asString(""));
        if (uri.isEmpty())
            throw new ProviderException("function " + f.name() + " has no URI yet (state "
                    + fn.path("state").asString("unknown") + ")");
        return uri;
    }

    StackInfo info(Engine.Deployed d) {
        GcpTarget t = clients.target();
        List<StackInfo.FunctionInfo> functions = new ArrayList<>();
        List<StackInfo.Resource> resources = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (ConfigDocument.FunctionRef f : document.functions(t).values()) {
            JsonNode fn = function(f.cloudName());
            String state = fn == null ? "NOT_DEPLOYED" : fn.path("state").asString("UNKNOWN");
            String uri = fn == null
                    ? ""
                    : fn.path("serviceConfig")
                            .path("uri")
                            .asString(fn.path("url").asString(""));
            if (f.trigger() == ConfigDocument.Trigger.HTTP && !uri.isEmpty()) endpoints.add(f.name() + ": " + uri);
            functions.add(new StackInfo.FunctionInfo(
                    f.name(),
                    f.cloudName(),
                    fn == null ? null : fn.path("buildConfig").path("runtime").asString(null),
                    fn == null
                            ? null
                            : memory(fn.path("serviceConfig")
                                    .path("availableMemory")
                                    .asString("")),
                    fn == null ? null : time(fn.path("updateTime").asString(""))));
            resources.add(new StackInfo.Resource(
                    f.name(), "function (" + trigger(f) + ")", uri.isEmpty() ? f.cloudName() : uri, state));
        }
        for (var job : document.root()
                .path("resource")
                .path("google_cloud_scheduler_job")
                .properties()) {
            resources.add(new StackInfo.Resource(
                    job.getKey(),
                    "scheduler job",
                    document.literal("google_cloud_scheduler_job", job.getKey(), "name", t),
                    ""));
        }
        for (var topic :
                document.root().path("resource").path(ConfigDocument.TOPIC).properties()) {
            resources.add(new StackInfo.Resource(
                    topic.getKey(), "topic", document.literal(ConfigDocument.TOPIC, topic.getKey(), "name", t), ""));
        }
        for (ConfigDocument.DataResource r : document.dataResources(t)) {
            resources.add(new StackInfo.Resource(
                    r.key(), r.type().equals(ConfigDocument.BUCKET) ? "bucket" : "Firestore database", r.name(), ""));
        }
        return new StackInfo(d.name(), d.state(), t.region(), d.outputs(), endpoints, functions, resources);
    }

    private static String trigger(ConfigDocument.FunctionRef f) {
        return switch (f.trigger()) {
            case HTTP -> "http";
            case TOPIC -> "pubsub " + f.target();
            case BUCKET -> "bucket " + f.target();
            default -> "event";
        };
    }

    /** "512Mi", "1Gi", "256M" in MB. */
    static Integer memory(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(Mi|M|Gi|G)?").matcher(text.strip());
        if (!m.matches()) return null;
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "M" : m.group(2).toUpperCase(Locale.ROOT);
        return unit.startsWith("G") ? n * 1024 : n;
    }

    private static Instant time(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
