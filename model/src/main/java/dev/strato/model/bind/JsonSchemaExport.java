package dev.strato.model.bind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ModelSchema} as a JSON Schema (draft 2020-12) tree. Every non-string value also
 * accepts a string holding a {@code ${...}} variable, since editors see the file before
 * variables are resolved.
 */
public final class JsonSchemaExport {

    public static final String ID = "https://strato.dev/schema/strato.schema.json";
    private static final String VARIABLE = ".*\\$\\{.+\\}.*";

    private JsonSchemaExport() {}

    public static Map<String, Object> schema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", ModelSchema.ROOT.name());
        root.putAll(object(ModelSchema.ROOT));
        return root;
    }

    private static Map<String, Object> object(Shape shape) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", shape.description());
        m.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        shape.fields().values().forEach(f -> {
            Map<String, Object> p = new LinkedHashMap<>(type(f.type()));
            p.put("description", f.description());
            props.put(f.name(), p);
            if (f.required()) required.add(f.name());
        });
        m.put("properties", props);
        if (!required.isEmpty()) m.put("required", required);
        if (shape.exactlyOne() || shape.atLeastOne()) m.put("minProperties", 1);
        if (shape.exactlyOne()) m.put("maxProperties", 1);
        m.put("additionalProperties", false);
        return m;
    }

    private static Map<String, Object> orVariable(Map<String, Object> schema) {
        return Map.of("anyOf", List.of(schema, variable()));
    }

    private static Map<String, Object> variable() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "string");
        v.put("pattern", VARIABLE);
        return v;
    }

    static Map<String, Object> type(Type type) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (type instanceof Type.Text t) {
            m.put("type", "string");
            if (t.pattern() == null) return m;
            m.put("pattern", "^(?:" + t.pattern().pattern() + ")$");
            return orVariable(m);
        }
        if (type instanceof Type.Int i) {
            m.put("type", "integer");
            m.put("minimum", i.min());
            m.put("maximum", i.max());
            return orVariable(m);
        }
        if (type instanceof Type.Bool) {
            m.put("type", "boolean");
            return orVariable(m);
        }
        if (type instanceof Type.Choice c) {
            m.put("enum", c.values());
            return orVariable(m);
        }
        if (type instanceof Type.Duration) {
            return Map.of(
                    "anyOf",
                    List.of(
                            Map.of("type", "integer", "minimum", 0),
                            Map.of("type", "string", "pattern", "^\\s*\\d{1,9}\\s*(ms|s|m|h|d)\\s*$"),
                            variable()));
        }
        if (type instanceof Type.SizeMb) {
            return Map.of(
                    "anyOf",
                    List.of(
                            Map.of("type", "integer", "minimum", 1),
                            Map.of(
                                    "type",
                                    "string",
                                    "pattern",
                                    "^\\s*\\d{1,7}\\s*([mM][bB]?|[mM][iI][bB]?|[gG][bB]?|[gG][iI][bB]?)?\\s*$"),
                            variable()));
        }
        if (type instanceof Type.ListOf l) {
            m.put("type", "array");
            m.put("items", type(l.item()));
            return orVariable(m);
        }
        if (type instanceof Type.MapOf map) {
            m.put("type", "object");
            if (map.keyPattern() != null)
                m.put(
                        "propertyNames",
                        Map.of("pattern", "^(?:" + map.keyPattern().pattern() + ")$"));
            if (map.minEntries() > 0) m.put("minProperties", map.minEntries());
            m.put("additionalProperties", type(map.value()));
            return orVariable(m);
        }
        if (type instanceof Type.Obj o) return orVariable(object(o.shape()));
        if (type instanceof Type.Either e) return Map.of("anyOf", List.of(type(e.shortForm()), type(e.longForm())));
        if (type instanceof Type.Tagged t) {
            List<Object> variants = new ArrayList<>();
            t.shapes().forEach((tag, shape) -> {
                Map<String, Object> variant = object(shape);
                @SuppressWarnings("unchecked")
                Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) variant.get("properties"));
                props.put(t.tagField(), Map.of("const", tag, "description", shape.description()));
                variant.put("properties", props);
                variants.add(variant);
            });
            return Map.of("oneOf", variants);
        }
        return m;
    }
}
