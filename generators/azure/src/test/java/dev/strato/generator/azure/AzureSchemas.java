package dev.strato.generator.azure;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft's schemas for what strato writes, read from src/test/resources/azure (see the README
 * there for where each file comes from) and never from the network: the ARM deployment template
 * schema with strict provider schemas ({@link StrictArmSchemas}), and SchemaStore's host.json
 * and function.json schemas. A template is checked whole, and each resource against the
 * definition of its type and apiVersion, which gives a few precise errors instead of the
 * hundreds that every branch of the template schema's oneOf reports.
 */
final class AzureSchemas {

    static final String ARM = "https://schema.management.azure.com/schemas/";
    static final String TEMPLATE = ARM + "2019-04-01/deploymentTemplate.json#";
    static final String HOST = "https://json.schemastore.org/host.json";
    static final String FUNCTION = "https://json.schemastore.org/function.json";
    private static final String LOCAL = "azure/";
    private static final Map<String, String> SCHEMASTORE =
            Map.of(HOST, "functions/host.schema.json", FUNCTION, "functions/function.schema.json");
    private static final Pattern PROVIDER_FILE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d(-preview)?/Microsoft\\.[^/]+\\.json");
    private static final String EXPRESSION = "^\\[([^\\[].*)?\\]$";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AzureSchemas strict;

    /** One finding: where in the document, which keyword, what. */
    record Problem(String path, String keyword, String message) {
        @Override
        public String toString() {
            return path + " [" + keyword + "] " + message;
        }
    }

    private final SchemaRegistry registry;
    private final Map<String, String> definitions = new HashMap<>();
    private final Schema template;
    private final Schema host;
    private final Schema function;

    private AzureSchemas() {
        ResourceLoader local = iri -> source(iri.toString());
        registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_4,
                b -> b.schemaLoader(l -> l.resourceLoaders(r -> r.values(list -> list.add(0, local)))));
        template = load(TEMPLATE);
        host = load(HOST);
        function = load(FUNCTION);
        indexResourceDefinitions();
    }

    /** Loaded once per test JVM: reading and compiling 1.75 MB of schemas takes a second or two. */
    static synchronized AzureSchemas strict() {
        if (strict == null) strict = new AzureSchemas();
        return strict;
    }

    List<Problem> host(JsonNode json) {
        return problems(host.validate(json));
    }

    List<Problem> function(JsonNode json) {
        return problems(function.validate(json));
    }

    /**
     * Each resource against its own definition, then the whole template; the whole template's
     * errors are reported only when no resource explains them.
     */
    List<Problem> template(JsonNode json) {
        List<Problem> found = new ArrayList<>();
        JsonNode resources = json.path("resources");
        ObjectNode withoutDeployments = ((ObjectNode) json).deepCopy();
        tools.jackson.databind.node.ArrayNode kept = withoutDeployments.putArray("resources");
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).path("type").asString("").equals(DEPLOYMENTS)) {
                found.addAll(deployment(resources.get(i), "/resources/" + i));
            } else {
                found.addAll(resource(resources.get(i), "/resources/" + i));
                kept.add(resources.get(i));
            }
        }
        List<Error> whole = template.validate(withoutDeployments);
        if (found.isEmpty() && !whole.isEmpty()) {
            List<Problem> all = problems(whole);
            found.addAll(all.subList(0, Math.min(5, all.size())));
            if (all.size() > 5)
                found.add(new Problem("", "", "... " + (all.size() - 5) + " more errors from the template schema"));
        }
        return found;
    }

    /**
     * A nested deployment, whose provider schema is not in the test set: its shape as the template
     * reference documents it (learn.microsoft.com/azure/templates/microsoft.resources/deployments),
     * closed like the strict schemas, and its inner template checked as a template.
     */
    List<Problem> deployment(JsonNode resource, String at) {
        List<Problem> found = new ArrayList<>();
        for (String key : resource.propertyNames()) {
            if (!StrictArmSchemas.RESOURCE_KEYS.contains(key) && !key.equals("properties"))
                found.add(new Problem(at, "additionalProperties", key + " is not allowed"));
        }
        if (!resource.path("apiVersion").asString("").matches("\\d{4}-\\d\\d-\\d\\d"))
            found.add(new Problem(at + "/apiVersion", "pattern", "no apiVersion"));
        JsonNode p = resource.path("properties");
        List<String> known = List.of(
                "mode",
                "template",
                "templateLink",
                "parameters",
                "parametersLink",
                "expressionEvaluationOptions",
                "debugSetting",
                "onErrorDeployment",
                "validationLevel");
        for (String key : p.propertyNames()) {
            if (!known.contains(key))
                found.add(new Problem(at + "/properties", "additionalProperties", key + " is not allowed"));
        }
        if (!List.of("Incremental", "Complete").contains(p.path("mode").asString("")))
            found.add(new Problem(at + "/properties/mode", "enum", "mode must be Incremental or Complete"));
        String scope = p.path("expressionEvaluationOptions").path("scope").asString("outer");
        if (!List.of("inner", "outer", "NotSpecified").contains(scope))
            found.add(new Problem(at + "/properties/expressionEvaluationOptions/scope", "enum", scope));
        for (var e : p.path("parameters").properties()) {
            if (!e.getValue().has("value") && !e.getValue().has("reference"))
                found.add(new Problem(at + "/properties/parameters/" + e.getKey(), "required", "value"));
        }
        if (!p.path("template").isObject())
            return List.of(new Problem(at + "/properties/template", "required", "an inline template"));
        for (Problem inner : template(p.path("template")))
            found.add(new Problem(at + "/properties/template" + inner.path(), inner.keyword(), inner.message()));
        JsonNode declared = p.path("template").path("parameters");
        for (String name : declared.propertyNames()) {
            if (!declared.path(name).has("defaultValue")
                    && !p.path("parameters").has(name))
                found.add(new Problem(at + "/properties/parameters", "required", name));
        }
        return found;
    }

    static final String DEPLOYMENTS = "Microsoft.Resources/deployments";

    List<Problem> resource(JsonNode resource, String at) {
        String type = resource.path("type").asString("");
        String version = resource.path("apiVersion").asString("");
        String ref = definitions.get(type + "@" + version);
        if (ref == null) {
            List<String> known = definitions.keySet().stream()
                    .filter(k -> k.startsWith(type + "@"))
                    .sorted()
                    .toList();
            return List.of(
                    known.isEmpty()
                            ? new Problem(at + "/type", "enum", "no schema for resource type " + type)
                            : new Problem(
                                    at + "/apiVersion",
                                    "enum",
                                    "no schema for " + type + "@" + version + " (known: " + known + ")"));
        }
        List<Problem> found = new ArrayList<>();
        for (Problem p : problems(registry.getSchema(SchemaLocation.of(ref)).validate(resource))) {
            found.add(new Problem(at + p.path(), p.keyword(), p.message()));
        }
        return found;
    }

    /** The leaves a person fixes: without the oneOf/anyOf summaries and the alternative "an ARM expression string" of each property. */
    private static List<Problem> problems(List<Error> errors) {
        List<Problem> list = new ArrayList<>();
        for (Error e : errors) {
            String keyword = e.getKeyword();
            if (keyword.equals("oneOf") || keyword.equals("anyOf")) continue;
            if (keyword.equals("pattern")
                    && e.getSchemaNode() != null
                    && EXPRESSION.equals(e.getSchemaNode().asString(null))) continue;
            if (e.getSchemaLocation().toString().contains("definitions.json#/definitions/expression")) continue;
            list.add(new Problem(e.getInstanceLocation().toString(), keyword, e.getMessage()));
        }
        if (list.isEmpty() && !errors.isEmpty())
            errors.forEach(
                    e -> list.add(new Problem(e.getInstanceLocation().toString(), e.getKeyword(), e.getMessage())));
        return list;
    }

    private Schema load(String id) {
        Schema s = registry.getSchema(SchemaLocation.of(id));
        s.initializeValidators();
        return s;
    }

    /** type@apiVersion → the $ref of its definition, from the oneOf of common/autogeneratedResources.json. */
    private void indexResourceDefinitions() {
        JsonNode all = read(ARM + "common/autogeneratedResources.json");
        Map<String, JsonNode> files = new HashMap<>();
        for (JsonNode branch : all.path("allOf").get(1).path("oneOf")) {
            String ref = branch.path("$ref").asString();
            String[] fileAndPointer = ref.split("#", 2);
            JsonNode definition =
                    files.computeIfAbsent(fileAndPointer[0], AzureSchemas::read).at(fileAndPointer[1]);
            String type = definition
                    .path("properties")
                    .path("type")
                    .path("enum")
                    .path(0)
                    .asString();
            for (JsonNode version :
                    definition.path("properties").path("apiVersion").path("enum")) {
                definitions.put(type + "@" + version.asString(), ref);
            }
        }
    }

    private static JsonNode read(String uri) {
        try (InputStream in = source(uri).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local copy of a schema id, with provider schemas made strict; null for ids that are not Azure's (the built-in meta-schemas). */
    private static InputStreamSource source(String uri) {
        String arm = uri.startsWith(ARM) ? uri.substring(ARM.length()).split("#", 2)[0] : null;
        String local = arm != null ? "arm/schemas/" + arm : SCHEMASTORE.get(uri);
        if (local == null) return null;
        String path = LOCAL + local;
        boolean provider = arm != null && PROVIDER_FILE.matcher(arm).matches();
        return () -> {
            InputStream in = AzureSchemas.class.getClassLoader().getResourceAsStream(path);
            if (in == null) throw new IOException("no local copy of " + uri + " (" + path + ")");
            if (!provider) return in;
            try (in) {
                ObjectNode schema = (ObjectNode) JSON.readTree(in);
                StrictArmSchemas.close(schema);
                return new ByteArrayInputStream(JSON.writeValueAsString(schema).getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
