package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.HttpMethod;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trigger bindings of function.json, one kind each (functions-triggers-bindings and each trigger's reference). */
final class Bindings {

    static final String ROOT_ROUTE = "{root:maxlength(0)?}";

    private Bindings() {}

    /**
     * An HTTP trigger and its response. {@code auth: none} and {@code jwt} are anonymous to the
     * Functions host (App Service authentication checks JWTs before it), {@code key} needs a
     * function key.
     */
    static List<Object> http(Event.Http h) {
        return List.of(
                Arm.map(
                        "type",
                        "httpTrigger",
                        "direction",
                        "in",
                        "name",
                        "req",
                        "authLevel",
                        h.auth().kind() == AuthKind.KEY ? "function" : "anonymous",
                        "methods",
                        h.method() == HttpMethod.ANY
                                ? null
                                : List.of(h.method().id().toLowerCase(Locale.ROOT)),
                        "route",
                        route(h.path())),
                Arm.map("type", "http", "direction", "out", "name", "$return"));
    }

    /**
     * {@code /orders/{id}} → {@code orders/{id}}; a greedy {@code {rest+}} → {@code {*rest}}. The
     * host ignores an empty route, so {@code /} is an optional parameter that only the empty path
     * matches (azure-functions-host#1102, Azure-Functions#2473).
     */
    static String route(String path) {
        if (path.equals("/")) return ROOT_ROUTE;
        return path.substring(1).replaceAll("\\{([^}]+)\\+}", "{*$1}");
    }

    static Map<String, Object> timer(Event.Schedule s) throws GenerationException {
        return Arm.map(
                "type",
                "timerTrigger",
                "direction",
                "in",
                "name",
                "timer",
                "schedule",
                Ncrontab.of(s),
                "runOnStartup",
                false,
                "useMonitor",
                true);
    }

    /** A Service Bus trigger on a queue or a topic subscription; a batch of more than one message takes {@code cardinality: many}. */
    static Map<String, Object> serviceBus(int batchSize, Map<String, Object> entity) {
        Map<String, Object> b =
                Arm.map("type", "serviceBusTrigger", "direction", "in", "name", batchSize > 1 ? "messages" : "message");
        b.putAll(entity);
        b.put("connection", Triggers.SERVICE_BUS);
        b.put("cardinality", batchSize > 1 ? "many" : "one");
        return b;
    }

    static Map<String, Object> storageQueue(String queue) {
        return Arm.map(
                "type",
                "queueTrigger",
                "direction",
                "in",
                "name",
                "message",
                "queueName",
                queue,
                "connection",
                Triggers.STORAGE);
    }

    /** A blob trigger fed by Event Grid, the only source Flex Consumption supports; the path filters like the event subscription. */
    static Map<String, Object> blob(String container, Event.Bucket b) {
        String path = container + "/" + escape(b.prefix()) + "{name}" + escape(b.suffix());
        return Arm.map(
                "type",
                "blobTrigger",
                "direction",
                "in",
                "name",
                "blob",
                "path",
                path,
                "connection",
                Triggers.STORAGE,
                "source",
                "EventGrid",
                "dataType",
                "binary");
    }

    /** Blob deletions reach the function as Event Grid events: blob triggers see only new and changed blobs. */
    static Map<String, Object> eventGrid() {
        return Arm.map("type", "eventGridTrigger", "direction", "in", "name", "event");
    }

    /** A change feed trigger that keeps its position in the shared lease container under a prefix of its own. */
    static Map<String, Object> cosmos(String database, String container, String function, int batchSize) {
        return Arm.map(
                "type",
                "cosmosDBTrigger",
                "direction",
                "in",
                "name",
                "documents",
                "connection",
                Triggers.COSMOS,
                "databaseName",
                database,
                "containerName",
                container,
                "leaseContainerName",
                AzureNames.LEASE_CONTAINER,
                "leaseContainerPrefix",
                function + "-",
                "createLeaseContainerIfNotExists",
                false,
                "maxItemsPerInvocation",
                batchSize,
                "startFromBeginning",
                false);
    }

    /** Braces are binding expressions in a blob path; literal ones are doubled. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("{", "{{").replace("}", "}}");
    }
}
