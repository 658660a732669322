package dev.strato.generator.azure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one apiVersion strato emits per resource provider: the versions of the schemas the tests
 * validate against (src/test/resources/azure/README.md has how they were chosen).
 */
final class ApiVersions {

    /** Longest prefix first: a resource type takes the version of the first prefix it starts with. */
    private static final Map<String, String> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("Microsoft.Insights/components", "2020-02-02");
        BY_PREFIX.put("Microsoft.Web/", "2024-11-01");
        BY_PREFIX.put("Microsoft.Storage/", "2026-04-01");
        BY_PREFIX.put("Microsoft.ServiceBus/", "2026-01-01");
        BY_PREFIX.put("Microsoft.DocumentDB/", "2026-03-15");
        BY_PREFIX.put("Microsoft.EventGrid/", "2025-02-15");
        BY_PREFIX.put("Microsoft.KeyVault/", "2026-02-01");
        BY_PREFIX.put("Microsoft.Authorization/", "2022-04-01");
        // nested deployments: no schema in the test set; AzureSchemas checks their shape and their inner template
        BY_PREFIX.put("Microsoft.Resources/deployments", "2025-04-01");
        BY_PREFIX.put("Microsoft.OperationalInsights/", "2025-07-01");
    }

    private ApiVersions() {}

    static String of(String type) {
        for (Map.Entry<String, String> e : BY_PREFIX.entrySet()) {
            if (type.startsWith(e.getKey())) return e.getValue();
        }
        throw new IllegalArgumentException("no apiVersion chosen for " + type);
    }
}
