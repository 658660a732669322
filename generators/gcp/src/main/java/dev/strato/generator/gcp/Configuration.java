package dev.strato.generator.gcp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Terraform JSON configuration being built: ordered blocks, each resource, data source, variable
 * and output name used once per type.
 */
final class Configuration {

    private final String comment;
    private final Map<String, Object> requiredProviders = new LinkedHashMap<>();
    private final Map<String, Object> providers = new LinkedHashMap<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> data = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    Configuration(String comment) {
        this.comment = comment;
    }

    void provider(String name, String source, String version, Map<String, Object> settings) {
        requiredProviders.put(name, Tf.map("source", source, "version", version));
        providers.put(name, settings);
    }

    void variable(String name, String type, Object defaultValue, String description) {
        unique(variables, name, "variable");
        variables.put(name, Tf.map("type", type, "default", defaultValue, "description", description));
    }

    /** Adds a data source once; later calls for the same one are no-ops. */
    void data(String type, String name, Map<String, Object> body) {
        data.computeIfAbsent(type, t -> new LinkedHashMap<>()).putIfAbsent(name, body);
    }

    /** Adds a resource and returns its body, for meta-arguments such as depends_on. */
    Map<String, Object> resource(String type, String name, Map<String, Object> body) {
        Map<String, Object> ofType = resources.computeIfAbsent(type, t -> new LinkedHashMap<>());
        unique(ofType, name, type);
        ofType.put(name, body);
        return body;
    }

    boolean has(String type, String name) {
        return resources.containsKey(type) && resources.get(type).containsKey(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> body(String type, String name) {
        if (!has(type, name)) throw new IllegalArgumentException("no resource " + type + "." + name);
        return (Map<String, Object>) resources.get(type).get(name);
    }

    Map<String, Map<String, Object>> resources() {
        return resources;
    }

    void output(String name, String description, Object value) {
        unique(outputs, name, "output");
        outputs.put(name, Tf.map("value", value, "description", description));
    }

    int resourceCount() {
        return resources.values().stream().mapToInt(Map::size).sum();
    }

    /** The whole configuration in the order Terraform's documentation lists its blocks. */
    Map<String, Object> tree() {
        Map<String, Object> t = Tf.map(
                "//",
                comment,
                "terraform",
                Tf.map("required_version", ">= 1.5.0", "required_providers", requiredProviders),
                "provider",
                providers);
        if (!variables.isEmpty()) t.put("variable", variables);
        if (!data.isEmpty()) t.put("data", data);
        t.put("resource", resources);
        if (!outputs.isEmpty()) t.put("output", outputs);
        return t;
    }

    private static void unique(Map<String, ?> map, String name, String what) {
        if (map.containsKey(name)) throw new DuplicateName(what + "." + name);
    }

    /** Two parts of the model became the same Terraform name. */
    static final class DuplicateName extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateName(String address) {
            super("two parts of the service need the Terraform name " + address);
        }
    }
}
