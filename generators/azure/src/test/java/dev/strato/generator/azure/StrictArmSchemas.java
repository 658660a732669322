package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ARM provider schemas with their objects closed, so that a misspelt property fails: a port
 * of {@code make_strict} in src/test/resources/azure/check_examples.py (README there, "Strict
 * mode"). No provider schema says {@code additionalProperties: false}; this adds it to every
 * object of {@code definitions} that lists its properties (but not to base and subtype
 * compositions, whose subtypes list only their own), and to every resource body after adding
 * the keys any ARM resource may carry. A child resource written inside its parent may not carry
 * children of its own: the schemas list those only on the top-level form of its type, and
 * Microsoft's template schema rejects them (a topic's subscription's rules), so strato writes
 * grandchildren as top-level resources.
 */
final class StrictArmSchemas {

    static final List<String> RESOURCE_KEYS = List.of(
            "name",
            "type",
            "apiVersion",
            "condition",
            "dependsOn",
            "location",
            "tags",
            "copy",
            "scope",
            "comments",
            "metadata");
    private static final List<String> COMPOSITIONS = List.of("oneOf", "anyOf", "allOf");
    private static final List<String> NOT_SCHEMAS = List.of("enum", "required", "description", "default", "examples");

    private StrictArmSchemas() {}

    static void close(ObjectNode schema) {
        JsonNode definitions = schema.get("definitions");
        if (definitions instanceof ObjectNode defs) {
            for (Map.Entry<String, JsonNode> e : entries(defs)) {
                boolean child = e.getKey().endsWith("_childResource");
                walk(e.getValue(), child, false);
                if (child) closeResource(e.getValue());
            }
        }
        for (String section : List.of("resourceDefinitions", "unknown_resourceDefinitions")) {
            if (schema.get(section) instanceof ObjectNode bodies)
                entries(bodies).forEach(e -> closeResource(e.getValue()));
        }
        if (schema.get("resourceDefinitions") instanceof ObjectNode bodies) {
            entries(bodies).stream().filter(e -> e.getKey().contains("_")).forEach(e -> leafNameLength(e.getValue()));
        }
    }

    /**
     * The top-level form of a grandchild type ({@code namespaces_topics_subscriptions}) is named by
     * its whole path, {@code ns/topic/sub}, but its schema gives the path the length limits of
     * the last segment (the "quirk-child-name-expression-too-long" example, README): ARM checks
     * each segment. The limits are moved to the last segment of a literal path, and an ARM
     * expression is accepted as any name is elsewhere.
     */
    private static void leafNameLength(JsonNode body) {
        if (!(body.path("properties") instanceof ObjectNode p)
                || !(p.get("name") instanceof ObjectNode name)
                || name.has("oneOf")) return;
        if (!name.has("maxLength") && !name.has("minLength")) return;
        String min = String.valueOf(name.path("minLength").asInt(1));
        String max =
                name.has("maxLength") ? String.valueOf(name.path("maxLength").asInt()) : "";
        ObjectNode literal = JsonNodeFactory.instance
                .objectNode()
                .put("type", "string")
                .put("pattern", "^[^\\[][^/]*(/[^/]+)*/[^/]{" + min + "," + max + "}$");
        ObjectNode replaced = JsonNodeFactory.instance.objectNode();
        replaced.putArray("oneOf")
                .add(literal)
                .addObject()
                .put(
                        "$ref",
                        "https://schema.management.azure.com/schemas/common/definitions.json#/definitions/expression");
        p.set("name", replaced);
    }

    private static void walk(JsonNode node, boolean top, boolean inComposition) {
        if (node.isArray()) {
            node.forEach(item -> walk(item, false, false));
            return;
        }
        if (!(node instanceof ObjectNode o)) return;
        boolean composed = COMPOSITIONS.stream().anyMatch(o::has);
        boolean ownShape = o.has("properties") || o.has("additionalProperties");
        JsonNode type = o.get("type");
        if (!top
                && !inComposition
                && o.get("properties") instanceof ObjectNode p
                && !p.isEmpty()
                && !o.has("additionalProperties")
                && !o.has("patternProperties")
                && !composed
                && (type == null || "object".equals(type.asString(null)))) {
            o.put("additionalProperties", false);
        }
        for (Map.Entry<String, JsonNode> e : entries(o)) {
            String key = e.getKey();
            if ((key.equals("properties") || key.equals("patternProperties"))
                    && e.getValue().isObject()) {
                e.getValue().forEach(sub -> walk(sub, false, false));
            } else if (COMPOSITIONS.contains(key) && e.getValue().isArray()) {
                e.getValue().forEach(sub -> walk(sub, false, ownShape));
            } else if (!NOT_SCHEMAS.contains(key)) {
                walk(e.getValue(), false, false);
            }
        }
    }

    private static void closeResource(JsonNode body) {
        if (body instanceof ObjectNode o
                && o.get("properties") instanceof ObjectNode p
                && COMPOSITIONS.stream().noneMatch(o::has)
                && !o.has("additionalProperties")) {
            for (String key : RESOURCE_KEYS) {
                if (!p.has(key)) p.putObject(key);
            }
            o.put("additionalProperties", false);
        }
    }

    private static List<Map.Entry<String, JsonNode>> entries(ObjectNode o) {
        return new ArrayList<>(o.properties());
    }
}
