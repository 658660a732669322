package dev.strato.provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A deployed stack: its status, outputs, endpoints, functions and resources. */
public record StackInfo(
        String stack,
        String status,
        String region,
        Map<String, String> outputs,
        List<String> endpoints,
        List<FunctionInfo> functions,
        List<Resource> resources) {

    public StackInfo {
        outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
        endpoints = List.copyOf(endpoints);
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
    }

    /** A function as the cloud reports it (fields it cannot tell are null). */
    public record FunctionInfo(
            String name, String physicalName, String runtime, Integer memory, Instant lastModified) {}

    public record Resource(String logicalId, String type, String physicalId, String status) {}
}
