package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path ORDERS = ROOT.resolve("examples/orders");

    @TempDir
    Path dir;

    @Test
    void validateFindsTheFileUpwardAndSaysForWhichProviders() throws IOException {
        CliRunner.Result r = new CliRunner(ORDERS.resolve("src")).run("validate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).isEqualTo("✓ ../strato.yml is valid for aws, azure, gcp (4 warnings)\n");
        assertThat(r.err())
                .contains(
                        "../strato.yml:5:10: warning: runtime: runtime nodejs22 (nodejs22.x) reaches end of support on aws on 2027-04-30 (in 154 days)");
    }

    @Test
    void validateForOneProviderOnly() {
        CliRunner.Result r = new CliRunner(ORDERS).run("validate", "--provider", "aws");
        assertThat(r.out()).startsWith("✓ strato.yml is valid for aws");
        assertThat(r.err()).doesNotContain("azure");
    }

    @Test
    void invalidFileExitsThreeWithAllDiagnosticsAsJson() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: Bad_Name\nproviders: { aws: { region: us-east-1 } }\nfunctions:\n  f:\n    handler: x\n    memory: 99999\n");
        CliRunner.Result r = new CliRunner(dir).run("validate", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.out())
                .contains("\"valid\" : false")
                .contains("\"line\" : 1")
                .contains("\"column\" : 10")
                .contains("\"severity\" : \"error\"")
                .contains("\"path\" : \"service\"")
                .contains("99999 MB exceeds aws limit 10240 MB")
                .contains("'x' is not a nodejs22 handler");
    }

    @Test
    void textDiagnosticsAndSummary() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { aws: { region: us-east-1 } }\nfunctions:\n  f:\n    handler: src/a.main\n    timeout: 20m\n");
        CliRunner.Result r = new CliRunner(dir).run("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains(
                        "strato.yml:6:14: error: functions.f.timeout: timeout 20m exceeds aws limit 15m (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)\n")
                .endsWith("✗ strato.yml: 1 error, 2 warnings\n");
    }

    @Test
    void missingFileIsAFailureWithAHint() {
        CliRunner.Result r = new CliRunner(dir).run("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("no strato.yml in").contains("strato init");
        assertThat(new CliRunner(dir).run("validate", "-c", "nope.yml").err())
                .contains("error: no such file: nope.yml");
    }

    @Test
    void usageErrorsExitTwoWithSuggestions() {
        CliRunner.Result r = new CliRunner(dir).run("valdate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("validate");
        CliRunner.Result s = new CliRunner(ORDERS).run("validate", "--stage", "prod_eu");
        assertThat(s.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(s.err()).contains("'prod_eu' is not a valid stage");
        CliRunner.Result p = new CliRunner(dir).run("validate", "--provider", "awz");
        assertThat(p.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(p.err()).contains("unknown provider 'awz' (did you mean 'aws'?)");
    }

    @Test
    void printShowsTheResolvedModelWithSecretsSymbolic() {
        CliRunner.Result yaml =
                new CliRunner(ORDERS).env("ORDERS_CURRENCY", "USD").run("print", "--stage", "prod");
        assertThat(yaml.exitCode()).as(yaml.toString()).isZero();
        assertThat(yaml.out())
                .contains("stage: prod")
                .contains("LOG_LEVEL: warn")
                .contains("CURRENCY: USD")
                .contains("${secret:payments-api-key}")
                .contains("${ref:orders.name}");
        CliRunner.Result json = new CliRunner(ORDERS).run("print", "--output", "json");
        assertThat(json.out()).startsWith("{").contains("\"service\" : \"orders\"");
    }

    @Test
    void generateRendersEveryTargetedProviderWhenAllHaveGenerators() throws IOException {
        CliRunner.Result r =
                new CliRunner(ORDERS).run("generate", "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (var written = Files.list(dir.resolve("out"))) {
            assertThat(written)
                    .extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("aws", "azure", "gcp");
        }
    }

    @Test
    void generateWritesEachProviderFolderAtomically() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("gcp"));
        Files.writeString(out.resolve("gcp/stale.txt"), "old");
        CliRunner.Result r = new CliRunner(ORDERS).run("generate", "--provider", "gcp", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(out.resolve("gcp/main.tf.json")).content().contains("\"google_cloudfunctions2_function\"");
        assertThat(out.resolve("gcp/README.md")).exists();
        assertThat(out.resolve("gcp/stale.txt")).doesNotExist();
        try (var left = Files.list(out)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("gcp");
        }
    }

    @Test
    void aFailingGeneratorWritesNothing() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: boom\nproviders: { gcp: { project: acme-boom, region: europe-west1 } }\n"
                        + "functions:\n  f:\n    handler: src/a.main\n");
        Files.writeString(dir.resolve("package.json"), "{\"main\": \"other.js\"}");
        CliRunner.Result r = new CliRunner(dir).run("generate", "-o", "out");
        // a generator's refusal is the model's problem: found before generating, exit 3 with a position
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err())
                .containsPattern("strato\\.yml:\\d+:\\d+: error: providers\\.gcp: gcp: package\\.json sets \"main\"")
                .contains("; nothing generated");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void initScaffoldsServicesThatValidate() {
        for (String template : new String[] {"node-http", "python-http"}) {
            Path target = dir.resolve("my-" + template);
            CliRunner.Result r = new CliRunner(dir)
                    .run("init", "--template", template, target.getFileName().toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("created service my-" + template);
            CliRunner.Result v = new CliRunner(target).run("validate");
            assertThat(v.exitCode()).as(v.toString()).isZero();
            assertThat(v.err()).doesNotContain("handler file");
        }
    }

    @Test
    void initRefusesToOverwriteAndUnknownTemplates() throws IOException {
        Files.writeString(dir.resolve("strato.yml"), "keep me");
        CliRunner.Result r = new CliRunner(dir).run("init", "--name", "demo");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("already exists; nothing written (use --force to overwrite)");
        assertThat(dir.resolve("strato.yml")).hasContent("keep me");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        CliRunner.Result t = new CliRunner(dir).run("init", "--template", "node-htp");
        assertThat(t.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(t.err()).contains("did you mean 'node-http'?");
    }

    @Test
    void schemaCompletionVersionAndHelp() {
        CliRunner runner = new CliRunner(dir);
        assertThat(runner.run("schema").out())
                .contains("\"$schema\" : \"https://json-schema.org/draft/2020-12/schema\"");
        assertThat(runner.run("completion", "bash").out())
                .contains("complete -F")
                .contains("validate");
        assertThat(runner.run("completion", "zsh").out()).startsWith("autoload -U +X compinit");
        assertThat(runner.run("--version").out()).startsWith("strato ");
        CliRunner.Result help = runner.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("validate").contains("Exit codes:").contains("3   strato.yml is invalid");
    }

    @Test
    void helpShowsVariableSyntaxLiterally() {
        assertThat(new CliRunner(dir).run("validate", "--help").out())
                .contains("A value for ${opt:NAME} in strato.yml");
    }
}
