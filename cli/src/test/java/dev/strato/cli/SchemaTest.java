package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code strato schema} prints a valid draft 2020-12 JSON Schema that accepts every example and
 * rejects every corpus case marked {@code structural} (unknown keys, wrong types, missing required
 * keys, bad names, bad enum values).
 */
class SchemaTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static String printed;
    private static JsonNode schemaNode;
    private static Schema schema;

    @BeforeAll
    static void printSchema(@TempDir Path dir) {
        CliRunner.Result r = new CliRunner(dir).run("schema");
        assertThat(r.exitCode()).as("strato schema\n" + r).isZero();
        assertThat(r.err()).as("strato schema prints nothing on stderr").isEmpty();
        printed = r.out();
        schemaNode = JSON.readTree(printed);
        schema = REGISTRY.getSchema(schemaNode);
    }

    @Test
    void isAValidDraft202012Schema() {
        assertThat(schemaNode.path("$schema").asString()).isEqualTo(DRAFT_2020_12);
        Schema meta = REGISTRY.getSchema(SchemaLocation.of(DRAFT_2020_12));
        List<Error> errors = meta.validate(schemaNode);
        assertThat(errors)
                .as("the printed schema against the draft 2020-12 meta-schema")
                .isEmpty();
        List<String> badPatterns = new ArrayList<>();
        patterns(schemaNode, "#", badPatterns);
        assertThat(badPatterns).as("every pattern compiles").isEmpty();
    }

    /** The meta-schema only annotates {@code format: regex}; compile each pattern to be sure. */
    private static void patterns(JsonNode node, String at, List<String> bad) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String where = at + "/" + e.getKey();
                if (e.getKey().equals("pattern") && e.getValue().isString()) {
                    try {
                        Pattern.compile(e.getValue().asString());
                    } catch (java.util.regex.PatternSyntaxException ex) {
                        bad.add(where + ": " + ex.getMessage());
                    }
                }
                patterns(e.getValue(), where, bad);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) patterns(node.get(i), at + "/" + i, bad);
        }
    }

    static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        for (Path p : List.of(cwd.resolve(".."), cwd)) {
            if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) return p.normalize();
        }
        throw new IllegalStateException("repository root (with examples/) not found from " + cwd);
    }

    static JsonNode yamlToJson(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Object data =
                    new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromString(text);
            return JSON.valueToTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> acceptsEveryExample() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(repositoryRoot().resolve("examples"))) {
            examples = s.map(d -> d.resolve("strato.yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
        assertThat(examples).as("examples/*/strato.yml").isNotEmpty();
        return examples.stream()
                .map(file ->
                        DynamicTest.dynamicTest(file.getParent().getFileName().toString(), () -> {
                            List<Error> errors = schema.validate(yamlToJson(file));
                            assertThat(errors)
                                    .as("schema errors for example "
                                            + file.getParent().getFileName())
                                    .isEmpty();
                        }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsEveryStructuralCase() {
        List<Path> structural = InvalidCorpusTest.cases().stream()
                .filter(c -> Files.exists(c.resolve("structural")))
                .toList();
        assertThat(structural).as("corpus cases marked structural").hasSizeGreaterThanOrEqualTo(15);
        return structural.stream()
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                    List<Error> errors = schema.validate(yamlToJson(c.resolve("strato.yml")));
                    assertThat(errors)
                            .as("corpus case " + c.getFileName()
                                    + " is structurally invalid, but the schema accepts it")
                            .isNotEmpty();
                }));
    }
}
