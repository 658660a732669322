package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strato generate --provider aws} through the CLI, with the AWS generator found by ServiceLoader. */
class GenerateAwsTest {

    @TempDir
    Path dir;

    @Test
    void writesTemplateManifestAndPackagesOfTheOrdersExample() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r =
                new CliRunner(CommandsTest.ORDERS).run("generate", "--provider", "aws", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("✓ aws: 7 files in " + out.resolve("aws"));
        assertThat(out.resolve("aws/template.yaml"))
                .content()
                .contains("AWS::Lambda::Function")
                .contains("FunctionName: orders-dev-create-order");
        assertThat(out.resolve("aws/manifest.json")).content().contains("\"stackName\" : \"orders-dev\"");
        try (Stream<Path> zips = Files.list(out.resolve("aws/artifacts"))) {
            assertThat(zips)
                    .extracting(p -> p.getFileName().toString())
                    .hasSize(5)
                    .allMatch(n -> n.matches("[A-Za-z]+-[0-9a-f]{12}\\.zip"));
        }
    }

    @Test
    void anInvalidModelExitsThreeAndWritesNothing() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { aws: { region: us-east-1 } }\nfunctions:\n"
                        + "  f:\n    handler: src/a.main\n    timeout: 20m\n    memory: 20000\n");
        CliRunner.Result r = new CliRunner(dir).run("generate", "--provider", "aws", "-o", "out");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err())
                .contains("timeout 20m exceeds aws limit 15m")
                .contains("20000 MB exceeds aws limit 10240 MB")
                .contains("nothing generated");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
