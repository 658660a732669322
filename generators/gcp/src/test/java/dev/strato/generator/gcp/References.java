package dev.strato.generator.gcp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the JSON Schema cannot check: every reference inside a {@code ${...}} template points at a
 * resource, data source or variable of the same file, and at an attribute (or nested block
 * attribute) its type has in the provider schema; every {@code depends_on} names a resource of the
 * file. The google-beta types are checked against the attributes their documentation lists.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.])(data\\.)?(google_[a-z0-9_]+)\\.([A-Za-z_][A-Za-z0-9_-]*)((?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[\\d+])+)");
    private static final Pattern OTHER = Pattern.compile("(?<![\\w.])(var|each|path|local)\\.([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\d+]");
    /** Attributes of the google-beta API Gateway resources (registry docs of google-beta 6.x). */
    private static final Map<String, Set<String>> BETA_ATTRIBUTES = Map.of(
            Types.API, Set.of("id", "name", "api_id", "managed_service", "display_name", "create_time"),
            Types.API_CONFIG, Set.of("id", "name", "api", "api_config_id", "service_config_id", "display_name"),
            Types.GATEWAY, Set.of("id", "name", "gateway_id", "default_hostname", "api_config", "region"));

    private References() {}

    /** Every broken reference of a configuration, as readable problems. */
    static List<String> check(JsonNode configuration) {
        List<String> problems = new ArrayList<>();
        JsonNode defs = ProviderSchema.node().path("$defs");
        walk(configuration.path("resource"), "resource", configuration, defs, problems);
        walk(configuration.path("output"), "output", configuration, defs, problems);
        walk(configuration.path("provider"), "provider", configuration, defs, problems);
        return problems;
    }

    private static void walk(JsonNode node, String path, JsonNode conf, JsonNode defs, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("depends_on")) {
                    for (JsonNode address : e.getValue()) {
                        String[] parts = address.asString().split("\\.");
                        if (parts.length != 2
                                || conf.path("resource")
                                        .path(parts[0])
                                        .path(parts[1])
                                        .isMissingNode()) {
                            problems.add(path + ".depends_on: no resource " + address.asString());
                        }
                    }
                } else {
                    walk(e.getValue(), path + "." + e.getKey(), conf, defs, problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), path + "[" + i + "]", conf, defs, problems);
        } else if (node.isString()) {
            for (String code : interpolations(node.asString())) checkCode(code, path, conf, defs, problems);
        }
    }

    /** The code of each {@code ${...}} of a template; {@code $${} is an escaped literal. */
    static List<String> interpolations(String text) {
        List<String> codes = new ArrayList<>();
        for (int i = text.indexOf("${"); i >= 0; i = text.indexOf("${", i + 1)) {
            if (i > 0 && text.charAt(i - 1) == '$') continue;
            int depth = 0;
            for (int j = i + 1; j < text.length(); j++) {
                char ch = text.charAt(j);
                if (ch == '{') depth++;
                else if (ch == '}' && --depth == 0) {
                    codes.add(text.substring(i + 2, j));
                    i = j;
                    break;
                }
            }
        }
        return codes;
    }

    private static void checkCode(String code, String path, JsonNode conf, JsonNode defs, List<String> problems) {
        Matcher m = REFERENCE.matcher(code);
        Set<String> seen = new HashSet<>();
        while (m.find()) {
            if (!seen.add(m.group())) continue;
            boolean data = m.group(1) != null;
            String type = m.group(2);
            String name = m.group(3);
            JsonNode target = conf.path(data ? "data" : "resource").path(type).path(name);
            if (target.isMissingNode()) {
                problems.add(path + ": " + m.group() + " refers to no " + (data ? "data source" : "resource")
                        + " of this file");
                continue;
            }
            String problem = attributeProblem((data ? "data." : "resource.") + type, m.group(4), defs);
            if (problem != null) problems.add(path + ": " + m.group() + ": " + problem);
        }
        Matcher other = OTHER.matcher(code);
        while (other.find()) {
            String kind = other.group(1);
            String name = other.group(2);
            boolean ok = switch (kind) {
                case "var" -> !conf.path("variable").path(name).isMissingNode();
                case "each" -> name.equals("value") || name.equals("key");
                case "path" -> name.equals("module");
                default -> false;
            };
            if (!ok) problems.add(path + ": " + other.group() + " is not defined in this file");
        }
    }

    /** Null when the attribute path exists on the type, else what is wrong. */
    private static String attributeProblem(String def, String attributePath, JsonNode defs) {
        String type = def.substring(def.indexOf('.') + 1);
        Matcher s = SEGMENT.matcher(attributePath);
        List<String> names = new ArrayList<>();
        while (s.find()) {
            if (s.group(1) != null) names.add(s.group(1));
        }
        if (BETA_ATTRIBUTES.containsKey(type)) {
            return names.size() == 1 && BETA_ATTRIBUTES.get(type).contains(names.get(0))
                    ? null
                    : type + " has no attribute " + attributePath;
        }
        String current = def;
        for (String n : names) {
            JsonNode properties = defs.path(current).path("properties");
            if (!properties.has(n) || n.equals("//")) return current + " has no attribute " + n;
            current = current + "." + n;
            if (!defs.has(current)) break;
        }
        return null;
    }
}
