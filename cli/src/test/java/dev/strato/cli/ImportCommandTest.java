package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** strato import: writes a strato.yml that validates and generates, reports what it left out, refuses to overwrite, exits 3 on unreadable input. */
class ImportCommandTest {

    static final Path TYPICAL = Path.of("../importer/src/test/resources/cases/sls-typical/serverless.yml")
            .toAbsolutePath()
            .normalize();

    @TempDir
    Path dir;

    CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        Files.copy(TYPICAL, dir.resolve("serverless.yml"));
        Files.createDirectories(dir.resolve("src"));
        for (String f : new String[] {"orders", "worker", "report", "changes"})
            Files.writeString(dir.resolve("src/" + f + ".js"), "");
        cli = new CliRunner(dir);
    }

    @Test
    void importsATypicalServiceThatValidatesAndGenerates() throws Exception {
        CliRunner.Result r = cli.run("import", "serverless.yml", "--report", "report.json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("serverless.yml:7:5: not mapped: plugins[0]: plugin serverless-offline")
                .contains("mapped: functions.worker.events[0].sqs: functions.worker.events: queue")
                .contains(
                        "✓ wrote strato.yml from serverless.yml (Serverless Framework service): 5 functions, 3 resources");
        assertThat(dir.resolve("strato.yml")).exists();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".strato-"));
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.get("format").asString()).isEqualTo("serverless");
        assertThat(report.get("unmapped").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(report.get("unmapped").get(0).get("reason").asString()).contains("serverless-offline");

        assertThat(cli.run("validate").exitCode()).isZero();
        CliRunner.Result generated = cli.run("generate", "--provider", "aws", "-o", "out");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(dir.resolve("out/aws/template.yaml")).exists();
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        Files.writeString(dir.resolve("strato.yml"), "mine\n");
        CliRunner.Result r = cli.run("import", "serverless.yml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("already exists; nothing written (use --force to overwrite)");
        assertThat(Files.readString(dir.resolve("strato.yml"))).isEqualTo("mine\n");
        assertThat(cli.run("import", "serverless.yml", "--force").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("strato.yml"))).startsWith("# Imported from serverless.yml");
    }

    @Test
    void unreadableInputExitsThreeWithThePlaceAndNoStackTrace() throws Exception {
        Files.writeString(dir.resolve("broken.yml"), "service: a\nprovider: { name: aws\n");
        CliRunner.Result r = cli.run("import", "broken.yml", "-o", "out.yml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err())
                .startsWith("broken.yml:2:")
                .contains("error: YAML syntax")
                .contains("nothing written")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out.yml")).doesNotExist();

        Files.writeString(dir.resolve("other.yml"), "name: x\n");
        CliRunner.Result json = cli.run("import", "other.yml", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        JsonNode node = JsonMapper.builder().build().readTree(json.out());
        assertThat(node.get("error").get("message").asString()).contains("neither a Serverless Framework service");

        assertThat(cli.run("import", "missing.yml").exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.run("import").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void jsonOutputListsMappedAndUnmappedItems() throws Exception {
        // sub/strato.yml's project folder is sub/: the handlers it names must be there (validate refuses empty
        // packages)
        Files.createDirectories(dir.resolve("sub/src"));
        for (String f : new String[] {"orders", "worker", "report", "changes"})
            Files.writeString(dir.resolve("sub/src/" + f + ".js"), "");
        CliRunner.Result r = cli.run("import", "serverless.yml", "-o", "sub/strato.yml", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode node = JsonMapper.builder().build().readTree(r.out());
        assertThat(node.get("output").asString()).isEqualTo("sub/strato.yml");
        assertThat(node.get("mapped").size()).isGreaterThan(10);
        assertThat(node.get("unmapped").size()).isGreaterThan(0);
        assertThat(node.get("diagnostics").isArray()).isTrue();
        assertThat(dir.resolve("sub/strato.yml")).exists();
    }
}
