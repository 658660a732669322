package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** strato check: SARIF against the SARIF 2.1.0 schema, --fail-on exit codes, bad usage. */
class CheckCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static java.util.stream.Stream<String> examples() throws Exception {
        return InsightGoldenTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sarifOfEveryExampleIsValidSarif210(String example) throws Exception {
        CliRunner.Result r =
                new CliRunner(InsightGoldenTest.EXAMPLES.resolve(example)).run("check", "--output", "sarif");
        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCodes.OK, ExitCodes.FAILURE);
        JsonNode log = JSON.readTree(r.out());
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(JSON.readTree(in));
        }
        List<Error> errors = schema.validate(log);
        assertThat(errors)
                .as("SARIF of %s against the SARIF 2.1.0 schema", example)
                .isEmpty();
        JsonNode run = log.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules").size()).isGreaterThanOrEqualTo(25);
        for (JsonNode result : run.path("results")) {
            int index = result.path("ruleIndex").asInt();
            assertThat(run.path("tool")
                            .path("driver")
                            .path("rules")
                            .get(index)
                            .path("id")
                            .asString())
                    .isEqualTo(result.path("ruleId").asString());
            assertThat(result.path("locations")
                            .get(0)
                            .path("physicalLocation")
                            .path("region")
                            .path("startLine")
                            .asInt())
                    .isPositive();
        }
    }

    @Test
    void aSchemaViolationIsCaughtByTheSchema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(JSON.readTree(in));
        }
        assertThat(schema.validate(
                        JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"level\":\"fatal\"}]}]}")))
                .isNotEmpty();
    }

    private Path service(String body) throws Exception {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: svc\nruntime: python3.12\nproviders:\n  aws: { region: us-east-1 }\n" + body);
        return dir;
    }

    @Test
    void failOnSetsTheExitCodeForCi() throws Exception {
        // a warning (no dead letter on an async trigger) and no error
        service(
                "functions:\n  f: { handler: src/f.handle, tracing: true, alarms: true, architecture: arm64, tags: { idempotent: \"true\" }, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n");
        assertThat(new CliRunner(dir).run("check").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new CliRunner(dir).run("check", "--fail-on", "error").exitCode())
                .isEqualTo(ExitCodes.OK);
        CliRunner.Result warned = new CliRunner(dir).run("check", "--fail-on", "warning");
        assertThat(warned.exitCode()).as(warned.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(warned.out())
                .contains("strato.yml:6:3: warning: functions.f: f has schedule triggers and no deadLetter")
                .contains("[async-without-dead-letter]");
    }

    @Test
    void anErrorFindingFailsByDefault() throws Exception {
        service(
                "functions:\n  f: { handler: src/f.handle, environment: { S3_ACCESS_KEY: \"AKIAIOSFODNN7EXAMPLE\" } }\n");
        CliRunner.Result r = new CliRunner(dir).run("check");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out())
                .contains("error: functions.f.environment.S3_ACCESS_KEY")
                .contains("[secret-literal-in-environment]")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void providerNarrowsTheRules() throws Exception {
        service(
                "  gcp: { project: acme-test, region: europe-west1 }\nfunctions:\n  f: { handler: src/f.handle, architecture: x86_64 }\n");
        assertThat(new CliRunner(dir).run("check").out()).contains("[aws-x86-architecture]");
        assertThat(new CliRunner(dir).run("check", "--provider", "gcp").out()).doesNotContain("[aws-x86-architecture]");
    }

    @Test
    void badUsageIsAUsageError() throws Exception {
        service("functions:\n  f: { handler: src/f.handle }\n");
        CliRunner.Result provider = new CliRunner(dir).run("check", "--provider", "awz");
        assertThat(provider.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(provider.err()).contains("unknown provider 'awz'").contains("did you mean 'aws'");
        CliRunner.Result failOn = new CliRunner(dir).run("check", "--fail-on", "sometimes");
        assertThat(failOn.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(failOn.err()).contains("--fail-on").contains("sometimes");
        assertThat(new CliRunner(dir).run("check", "--output", "xml").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anInvalidModelIsReportedAndNotChecked() throws Exception {
        service("functions:\n  f: { handler: src/f.handle, memory: 99999 }\n");
        CliRunner.Result r = new CliRunner(dir).run("check");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err()).contains("strato.yml:6:").contains("nothing checked");
    }
}
