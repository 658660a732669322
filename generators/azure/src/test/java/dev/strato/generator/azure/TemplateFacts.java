package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Facts about a generated template that no schema checks: every {@code dependsOn} names a
 * resource of the template, no app setting carries an account key or a connection string with
 * one, and every role assignment is scoped to one resource.
 */
final class TemplateFacts {

    /** What a key-based setting looks like: connection strings with keys, SAS tokens, and the functions that read keys. */
    private static final Pattern KEY = Pattern.compile(
            "(?i)AccountKey=|SharedAccessKey|SharedAccessSignature|listKeys\\(|listConnectionStrings\\(|sig=");

    private TemplateFacts() {}

    /** dependsOn entries that no resource of the template is. */
    static List<String> danglingDependsOn(JsonNode template) {
        Set<String> ids = new HashSet<>();
        collectIds(template.path("resources"), "", List.of(), ids);
        List<String> dangling = new ArrayList<>();
        forEachResource(
                template.path("resources"),
                false,
                r -> r.path("dependsOn").forEach(d -> {
                    String id = d.asString();
                    if (!ids.contains(id)) dangling.add(r.path("name").asString() + " → " + id);
                }));
        // a nested deployment's resources may depend only on each other: the deployment itself waits for the outer ones
        for (JsonNode r : template.path("resources")) {
            if (r.path("type").asString().equals(RoleAssignments.DEPLOYMENTS))
                dangling.addAll(danglingDependsOn(r.at("/properties/template")));
        }
        return dangling;
    }

    /** App settings whose value holds or fetches a key. */
    static List<String> keyedAppSettings(JsonNode template) {
        List<String> found = new ArrayList<>();
        forEachResource(
                template.path("resources"),
                r -> r.path("properties").path("siteConfig").path("appSettings").forEach(s -> {
                    String value = s.path("value").asString();
                    if (KEY.matcher(value).find() || s.path("name").asString().equals("AzureWebJobsStorage"))
                        found.add(s.path("name").asString() + "=" + value);
                }));
        return found;
    }

    /** Role assignments not scoped to one named resource: no scope (the resource group), a wildcard, or a subscription. */
    static List<String> broadRoleScopes(JsonNode template) {
        List<String> found = new ArrayList<>();
        forEachResource(template.path("resources"), r -> {
            if (!r.path("type").asString().equals("Microsoft.Authorization/roleAssignments")) return;
            String scope = r.path("scope").asString("");
            boolean oneResource = scope.matches("Microsoft\\.[A-Za-z]+/[A-Za-z]+/[^*]+")
                    || scope.matches("\\[concat\\('Microsoft\\.[A-Za-z]+/[^*]+");
            if (!oneResource) found.add(r.path("name").asString() + " scope=" + scope);
        });
        forEachResource(template.path("resources"), r -> {
            String scope = r.path("properties").path("scope").asString();
            boolean metadataOnDatabase = r.at("/properties/roleDefinitionId")
                            .asString()
                            .contains("'" + Role.COSMOS_METADATA_READER.variable() + "'")
                    && scope.matches(".*/dbs/\\{1}'.*")
                    && !scope.contains("/colls/");
            if (r.path("type").asString().endsWith("/sqlRoleAssignments")
                    && !scope.contains("/colls/")
                    && !metadataOnDatabase) {
                found.add(r.path("name").asString() + " scope=" + scope);
            }
        });
        return found;
    }

    private interface Visitor {
        void visit(JsonNode resource);
    }

    /** Every resource, nested ones and those of nested deployments included. */
    private static void forEachResource(JsonNode resources, Visitor v) {
        forEachResource(resources, true, v);
    }

    private static void forEachResource(JsonNode resources, boolean intoDeployments, Visitor v) {
        for (JsonNode r : resources) {
            v.visit(r);
            forEachResource(r.path("resources"), intoDeployments, v);
            if (intoDeployments) forEachResource(r.at("/properties/template/resources"), true, v);
        }
    }

    /** The {@code [resourceId(...)]} text of every resource, nested ones with their parents' type and name segments. */
    private static void collectIds(
            JsonNode resources, String parentType, List<String> parentSegments, Set<String> ids) {
        for (JsonNode r : resources) {
            String type = parentType.isEmpty()
                    ? r.path("type").asString()
                    : parentType + "/" + r.path("type").asString();
            String name = r.path("name").asString();
            List<String> segments = new ArrayList<>(parentSegments);
            if (name.startsWith("[concat(") && parentType.isEmpty()) {
                segments.addAll(concatSegments(name.substring("[concat(".length(), name.length() - 2)));
            } else if (name.startsWith("[")) {
                segments.add(name.substring(1, name.length() - 1));
            } else {
                for (String part : name.split("/")) segments.add(Arm.quote(part));
            }
            ids.add("[resourceId(" + String.join(", ", prepend(Arm.quote(type), segments)) + ")]");
            collectIds(r.path("resources"), type, segments, ids);
        }
    }

    /**
     * The name segments of a top-level name {@code concat(variables('x'), '/default')}: an
     * expression argument is one segment, a literal argument's text is split at {@code /}.
     */
    private static List<String> concatSegments(String arguments) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ',';
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                String argument = arguments.substring(start, i).trim();
                if (argument.startsWith("'")) {
                    for (String part : argument.substring(1, argument.length() - 1)
                            .replace("''", "'")
                            .split("/")) {
                        if (!part.isEmpty()) segments.add(Arm.quote(part));
                    }
                } else {
                    segments.add(argument);
                }
                start = i + 1;
            }
        }
        return segments;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
