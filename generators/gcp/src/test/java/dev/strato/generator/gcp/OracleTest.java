package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.model.providers.GcpGateway;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The oracles on every example (with and without API Gateway) and on random valid models of 1 to
 * 50 functions (fixed seeds): main.tf.json validates against the google provider's JSON Schema,
 * every reference resolves, the OpenAPI document parses and uses exactly the variables Terraform
 * passes it, and two runs give the same bytes.
 */
class OracleTest {

    static final int RANDOM_MODELS = 40;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> examples() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            Service service = Examples.load(example);
            for (GcpGateway gateway : GcpGateway.values()) {
                tests.add(DynamicTest.dynamicTest(
                        example + " " + gateway,
                        () -> check(Examples.withGateway(service, gateway), Examples.dir(example))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomModels() {
        return LongStream.rangeClosed(1, RANDOM_MODELS)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
                    Path project = dir.resolve("p" + seed);
                    int functions = 1 + (int) ((seed - 1) * (RandomModels.MAX_FUNCTIONS - 1) / (RANDOM_MODELS - 1));
                    Service service = Examples.load(RandomModels.write(seed, functions, project));
                    assertThat(service.functions()).hasSize(functions);
                    check(service, project);
                }));
    }

    static void check(Service service, Path project) throws Exception {
        OutputTree out = Examples.generate(service, project);
        String configuration = text(out, GcpGenerator.CONFIGURATION);
        JsonNode tree = ProviderSchema.JSON.readTree(configuration);
        assertThat(ProviderSchema.validate(tree))
                .as("errors against the provider schema")
                .isEmpty();
        assertThat(References.check(tree)).as("broken references").isEmpty();
        JsonNode config = tree.path("resource").path(Types.API_CONFIG);
        if (out.files().containsKey(OpenApiDocument.FILE)) {
            String document = text(out, OpenApiDocument.FILE);
            String contents = config.path(ApiGateway.NAME)
                    .path("openapi_documents")
                    .path("document")
                    .path("contents")
                    .asString();
            assertThat(OpenApiCheck.placeholders(document))
                    .as("placeholders of the OpenAPI document")
                    .isEqualTo(OpenApiCheck.variables(contents));
            assertThat(OpenApiCheck.problems(document))
                    .as("swagger-parser messages")
                    .isEmpty();
        } else {
            assertThat(config.isMissingNode())
                    .as("no api_config without the document")
                    .isTrue();
        }
        Map<String, byte[]> again = Examples.generate(service, project).files();
        assertThat(again.keySet()).isEqualTo(out.files().keySet());
        out.files()
                .forEach((path, bytes) ->
                        assertThat(again.get(path)).as("second run of " + path).isEqualTo(bytes));
    }

    static String text(OutputTree out, String path) {
        return new String(out.files().get(path), StandardCharsets.UTF_8);
    }
}
