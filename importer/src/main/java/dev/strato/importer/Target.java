package dev.strato.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The strato.yml an import builds, section by section, written in strato's key order. */
final class Target {

    String service;
    String description;
    String runtime;
    String stage;
    final Map<String, Object> aws = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    final Map<String, Object> defaults = new LinkedHashMap<>();
    final Map<String, Object> packaging = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    /** {@code ${env:NAME}} without fallback and {@code ${opt:NAME}} the file uses: validation gets placeholders for them. */
    final TreeSet<String> environmentNames = new TreeSet<>();

    final TreeSet<String> optionNames = new TreeSet<>();

    Map<String, Object> tree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        if (description != null) m.put("description", description);
        if (runtime != null) m.put("runtime", runtime);
        m.put("adapter", "native");
        if (stage != null) m.put("stage", stage);
        m.put("providers", Map.of("aws", aws));
        if (!params.isEmpty()) m.put("params", params);
        if (!defaults.isEmpty()) m.put("defaults", sortedDefaults());
        if (!packaging.isEmpty()) m.put("package", packaging);
        m.put("functions", functions);
        if (!resources.isEmpty()) m.put("resources", resources);
        return m;
    }

    private Map<String, Object> sortedDefaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : List.of(
                "memory", "timeout", "architecture", "tracing", "logRetentionDays", "retries", "environment", "tags")) {
            if (defaults.containsKey(key)) m.put(key, defaults.get(key));
        }
        defaults.forEach(m::putIfAbsent);
        return m;
    }

    Map<String, Object> function(String name) {
        return functions.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static List<Object> events(Map<String, Object> function) {
        return (List<Object>) function.computeIfAbsent("events", k -> new java.util.ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> submap(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    /** Adds verbs to a function's permissions on a resource, keeping strato's verb order. */
    @SuppressWarnings("unchecked")
    static void grant(Map<String, Object> function, String resource, List<String> verbs) {
        Map<String, Object> permissions = submap(function, "permissions");
        List<String> current = (List<String>) permissions.getOrDefault(resource, List.of());
        List<String> order = List.of("read", "write", "delete", "send", "receive", "publish");
        permissions.put(
                resource,
                order.stream()
                        .filter(v -> current.contains(v) || verbs.contains(v))
                        .toList());
    }
}
