package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.AzureQueues;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft's schemas as the oracle: every example on every plan and queue service gives a
 * template whose every resource matches its resource type's definition, and host.json and
 * function.json files that match SchemaStore's schemas. The validator is shown to be live on
 * the hand-written examples that come with the schemas and on a broken copy of a generated
 * template.
 */
class OracleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXAMPLES = "azure/examples/";

    @TestFactory
    Stream<DynamicTest> everyExampleOnEveryPlanIsSchemaValid() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            for (AzurePlan plan : AzurePlan.values()) {
                for (AzureQueues queues : AzureQueues.values()) {
                    tests.add(DynamicTest.dynamicTest(example + " " + plan + " " + queues, () -> {
                        assertValid(Examples.generate(example, plan, queues));
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** Template, host.json and every function.json of one output against the schemas, and the template's {@link TemplateFacts}. */
    static void assertValid(OutputTree out) {
        AzureSchemas schemas = AzureSchemas.strict();
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            String path = e.getKey();
            if (path.equals(AzureGenerator.TEMPLATE)) {
                JsonNode template = JSON.readTree(e.getValue());
                assertThat(schemas.template(template)).as(path).isEmpty();
                assertThat(TemplateFacts.danglingDependsOn(template))
                        .as("dependsOn without a resource")
                        .isEmpty();
                assertThat(TemplateFacts.keyedAppSettings(template))
                        .as("app settings with keys")
                        .isEmpty();
                assertThat(TemplateFacts.broadRoleScopes(template))
                        .as("roles beyond one resource")
                        .isEmpty();
            } else if (path.equals(AppPackage.DIR + AppPackage.HOST_JSON)) {
                assertThat(schemas.host(JSON.readTree(e.getValue()))).as(path).isEmpty();
            } else if (path.startsWith(AppPackage.DIR) && path.endsWith("/" + AppPackage.FUNCTION_JSON)) {
                assertThat(schemas.function(JSON.readTree(e.getValue())))
                        .as(path)
                        .isEmpty();
            }
        }
    }

    @Test
    void aBrokenGeneratedTemplateFailsAtThePlaceOfEachMistake() throws Exception {
        ObjectNode template =
                (ObjectNode) JSON.readTree(Examples.generate("orders").files().get(AzureGenerator.TEMPLATE));
        int site = indexOf(template, "Microsoft.Web/sites");
        ObjectNode properties = (ObjectNode) template.get("resources").get(site).get("properties");
        properties.put("httpsOnly", "true");
        properties.set("siteConfg", properties.remove("siteConfig"));
        List<AzureSchemas.Problem> problems = AzureSchemas.strict().template(template);
        assertThat(problems)
                .extracting(AzureSchemas.Problem::toString)
                .anyMatch(p -> p.startsWith("/resources/" + site + "/properties/httpsOnly [type]"))
                .anyMatch(p -> p.startsWith("/resources/" + site + "/properties [additionalProperties]")
                        && p.contains("siteConfg"));
    }

    @Test
    void theSchemasOwnValidExamplesPass() throws IOException {
        AzureSchemas schemas = AzureSchemas.strict();
        for (String file : List.of("arm/valid/consumption-linux.json", "arm/valid/flex-consumption.json")) {
            assertThat(schemas.template(example(file))).as(file).isEmpty();
        }
        assertThat(schemas.host(example("functions/valid/host.json"))).isEmpty();
        for (String f :
                List.of("AuditEvents", "HttpOrders", "NightlyReport", "OnUpload", "OrderChanged", "ProcessJob")) {
            assertThat(schemas.function(example("functions/valid/" + f + "/function.json")))
                    .as(f)
                    .isEmpty();
        }
    }

    /** The broken examples fail at the place examples/expected-errors.json names for strict mode. */
    @TestFactory
    Stream<DynamicTest> theSchemasOwnBrokenExamplesFailWhereExpected() throws IOException {
        JsonNode expected = example("expected-errors.json").path("files");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : expected.properties()) {
            JsonNode spec = e.getValue().has("strict")
                    ? e.getValue().get("strict")
                    : e.getValue().get("official");
            if (e.getKey().contains("quirk-")) continue;
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                JsonNode doc = example(e.getKey());
                AzureSchemas schemas = AzureSchemas.strict();
                List<AzureSchemas.Problem> problems = e.getKey().endsWith("host.json")
                        ? schemas.host(doc)
                        : e.getKey().endsWith("function.json") ? schemas.function(doc) : schemas.template(doc);
                assertThat(problems)
                        .as("problems of %s", e.getKey())
                        .isNotEmpty()
                        .anyMatch(p -> p.path().equals(pointer(spec.path("path").asString())));
            }));
        }
        return tests.stream();
    }

    /** {@code $.resources[1].properties.siteConfig} → {@code /resources/1/properties/siteConfig}. */
    static String pointer(String jsonPath) {
        return jsonPath.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    static int indexOf(JsonNode template, String type) {
        JsonNode resources = template.get("resources");
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).path("type").asString().equals(type)) return i;
        }
        throw new AssertionError("no " + type);
    }

    private static JsonNode example(String file) throws IOException {
        try (InputStream in = OracleTest.class.getClassLoader().getResourceAsStream(EXAMPLES + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
