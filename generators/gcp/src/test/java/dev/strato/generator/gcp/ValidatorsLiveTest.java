package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.model.providers.GcpGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each oracle rejects a broken copy of a good output at the place it is broken: none of them passes everything. */
class ValidatorsLiveTest {

    static String configuration;
    static String openApi;

    @BeforeAll
    static void generateOrders() throws Exception {
        OutputTree out = Examples.generate(
                Examples.withGateway(Examples.load("orders"), GcpGateway.API_GATEWAY), Examples.dir("orders"));
        configuration = OracleTest.text(out, GcpGenerator.CONFIGURATION);
        openApi = OracleTest.text(out, OpenApiDocument.FILE);
    }

    private static ObjectNode tree() {
        return (ObjectNode) ProviderSchema.JSON.readTree(configuration);
    }

    private static ObjectNode function(ObjectNode tree) {
        return (ObjectNode) tree.path("resource").path(Types.FUNCTION).path("create_order");
    }

    @Test
    void theGoodOutputPassesEveryOracle() {
        assertThat(ProviderSchema.validate(configuration)).isEmpty();
        assertThat(References.check(tree())).isEmpty();
        assertThat(OpenApiCheck.problems(openApi)).isEmpty();
    }

    @Test
    void theSchemaRejectsAComputedAttributeAMisspellingAStringForANumberAndAnUnknownType() {
        ObjectNode computed = tree();
        function(computed).put("url", "https://example.com");
        assertThat(ProviderSchema.validate(computed)).singleElement().asString().contains("/create_order/url");

        ObjectNode misspelled = tree();
        ObjectNode build = (ObjectNode) function(misspelled).path("build_config");
        build.set("entry_pont", build.remove("entry_point"));
        assertThat(ProviderSchema.validate(misspelled)).anyMatch(e -> e.contains("entry_pont"));

        ObjectNode string = tree();
        ((ObjectNode) function(string).path("service_config")).put("timeout_seconds", "10");
        assertThat(ProviderSchema.validate(string)).anyMatch(e -> e.contains("timeout_seconds"));

        ObjectNode unknown = tree();
        ((ObjectNode) unknown.path("resource"))
                .putObject("google_cloudfunctions_function")
                .putObject("old")
                .put("name", "x");
        assertThat(ProviderSchema.validate(unknown)).anyMatch(e -> e.contains("google_cloudfunctions_function"));
    }

    @Test
    void theReferenceCheckFindsMissingResourcesAttributesVariablesAndDependencies() {
        ObjectNode tree = tree();
        ObjectNode env = (ObjectNode) function(tree).path("service_config").path("environment_variables");
        env.put("A", "${google_pubsub_topic.nope.id}");
        env.put("B", "${google_firestore_database.orders.namee}");
        env.put("C", "x-${var.zone}");
        env.put("D", "$${google_pubsub_topic.nope.id} is escaped text");
        env.put("E", "${google_cloudfunctions2_function.get_order.service_config[0].urii}");
        ((ArrayNode) function(tree).withArray("depends_on")).add("google_project_iam_member.nobody");
        assertThat(References.check(tree))
                .hasSize(5)
                .anyMatch(p -> p.contains("google_pubsub_topic.nope.id refers to no resource"))
                .anyMatch(p -> p.contains("has no attribute namee"))
                .anyMatch(p -> p.contains("var.zone is not defined"))
                .anyMatch(p -> p.contains("service_config has no attribute urii"))
                .anyMatch(p -> p.contains("depends_on: no resource google_project_iam_member.nobody"));
    }

    @Test
    void theOpenApiCheckRejectsABrokenDocument() {
        JsonNode doc = ProviderSchema.JSON.readTree(openApi);
        ObjectNode broken = (ObjectNode) doc.deepCopy();
        ((ObjectNode) broken.path("paths").path("/orders").path("post")).put("parameters", "not a list");
        broken.remove("info");
        assertThat(OpenApiCheck.problems(broken.toString())).isNotEmpty();
        assertThat(OpenApiCheck.placeholders(openApi)).contains("backend_create_order", "backend_get_order");
    }
}
