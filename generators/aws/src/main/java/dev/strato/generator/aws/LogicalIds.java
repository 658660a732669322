package dev.strato.generator.aws;

import dev.strato.model.support.Names;
import java.util.Locale;

/** Template logical ids: alphanumeric PascalCase derived from model names ({@code createOrder} → {@code CreateOrder}). */
final class LogicalIds {

    static final String HTTP_API = "HttpApi";
    static final String HTTP_API_STAGE = "HttpApiStage";
    static final String SCHEDULER_ROLE = "SchedulerRole";
    static final String ARTIFACT_BUCKET = "ArtifactBucket";
    static final String SHARED_ARTIFACT_KEY = "ArtifactKey";

    private LogicalIds() {}

    static String pascal(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : Names.kebab(name).split("-")) {
            if (part.isEmpty()) continue;
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }

    static String function(String name) {
        return pascal(name) + "Function";
    }

    static String role(String function) {
        return pascal(function) + "Role";
    }

    static String logGroup(String function) {
        return pascal(function) + "LogGroup";
    }

    static String integration(String function) {
        return pascal(function) + "Integration";
    }

    static String artifactKey(String function) {
        return pascal(function) + "ArtifactKey";
    }

    /** {@code orders} of type table → {@code OrdersTable}. */
    static String resource(String name, String type) {
        return pascal(name) + pascal(type);
    }

    /**
     * One event of a function: the kind in PascalCase, numbered from the second event of the same
     * kind on ({@code CreateOrderHttp}, {@code CreateOrderHttp2}); SAM's event name is the part after
     * the function's name.
     */
    static String eventName(String kind, int ordinal) {
        return pascal(kind) + (ordinal > 1 ? String.valueOf(ordinal) : "");
    }

    static String event(String function, String eventName) {
        return pascal(function) + eventName;
    }
}
