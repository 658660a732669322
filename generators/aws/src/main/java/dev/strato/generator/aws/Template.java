package dev.strato.generator.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/** A CloudFormation template being built: ordered sections, each logical id used once. */
final class Template {

    private final String description;
    private final String transform;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    private final Map<String, Object> outputs = new LinkedHashMap<>();

    Template(String description, String transform) {
        this.description = description;
        this.transform = transform;
    }

    void parameter(String id, Map<String, Object> definition) {
        if (parameters.putIfAbsent(id, definition) != null) throw new DuplicateLogicalId(id);
    }

    /** Adds a resource and returns its map, for attributes such as DependsOn or DeletionPolicy. */
    Map<String, Object> resource(String id, String type, Map<String, Object> properties) {
        if (parameters.containsKey(id) || resources.containsKey(id)) throw new DuplicateLogicalId(id);
        Map<String, Object> r = Cfn.map("Type", type);
        if (!properties.isEmpty()) r.put("Properties", properties);
        resources.put(id, r);
        return r;
    }

    Map<String, Object> resource(String id) {
        Map<String, Object> r = resources.get(id);
        if (r == null) throw new IllegalArgumentException("no resource " + id);
        return r;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String id) {
        return (Map<String, Object>)
                resource(id).computeIfAbsent("Properties", k -> new LinkedHashMap<String, Object>());
    }

    void output(String id, String description, Object value) {
        if (outputs.putIfAbsent(id, Cfn.map("Description", description, "Value", value)) != null)
            throw new DuplicateLogicalId(id);
    }

    int resourceCount() {
        return resources.size();
    }

    int parameterCount() {
        return parameters.size();
    }

    int outputCount() {
        return outputs.size();
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** The whole document in the order AWS documents its sections. */
    Map<String, Object> tree() {
        Map<String, Object> t =
                Cfn.map("AWSTemplateFormatVersion", "2010-09-09", "Transform", transform, "Description", description);
        if (!parameters.isEmpty()) t.put("Parameters", parameters);
        t.put("Resources", resources);
        if (!outputs.isEmpty()) t.put("Outputs", outputs);
        return t;
    }

    /** Two model names became the same logical id. */
    static final class DuplicateLogicalId extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateLogicalId(String id) {
            super("two parts of the service need the logical id " + id);
        }
    }
}
