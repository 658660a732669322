package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strato generate --provider gcp} through the CLI, with the GCP generator found by ServiceLoader, and GCP's limits in validate. */
class GenerateGcpTest {

    @TempDir
    Path dir;

    @Test
    void writesTheConfigurationPackagesAndReadmeOfTheOrdersExample() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r =
                new CliRunner(CommandsTest.ORDERS).run("generate", "--provider", "gcp", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("✓ gcp: 7 files in " + out.resolve("gcp"));
        assertThat(out.resolve("gcp/main.tf.json"))
                .content()
                .contains("\"source\" : \"hashicorp/google\"")
                .contains("\"name\" : \"orders-dev-create-order\"");
        assertThat(out.resolve("gcp/README.md"))
                .content()
                .contains("terraform apply")
                .contains("gcloud secrets create payments-api-key");
        try (Stream<Path> zips = Files.list(out.resolve("gcp/artifacts"))) {
            assertThat(zips)
                    .extracting(p -> p.getFileName().toString())
                    .hasSize(5)
                    .allMatch(n -> n.matches("[A-Za-z]+-[0-9a-f]{12}\\.zip"));
        }
    }

    @Test
    void modelsImpossibleOnGcpFailValidateWithTheLimitsSource() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { gcp: { project: acme-demo, region: europe-west1 } }\n"
                        + "functions:\n  worker:\n    handler: src/a.main\n    runtime: dotnet8\n    timeout: 10m\n    events: [ { queue: jobs } ]\n"
                        + "    environment: { KEY: \"${secret:team/api-key}\" }\n"
                        + "resources:\n  jobs: { type: queue }\n");
        CliRunner.Result r = new CliRunner(dir).run("validate", "--provider", "gcp");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err())
                .contains(
                        "timeout 10m exceeds gcp limit 9m for event-driven functions (https://cloud.google.com/functions/docs/configuring/timeout)")
                .contains(
                        "runtime dotnet8 (dotnet8) reached end of support on gcp on 2026-11-10; see https://docs.cloud.google.com/run/docs/runtimes/dotnet")
                .contains("secret name 'team/api-key' is not valid on gcp");
    }
}
