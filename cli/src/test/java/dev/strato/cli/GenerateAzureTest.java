package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strato generate --provider azure} through the CLI, with the Azure generator found by ServiceLoader. */
class GenerateAzureTest {

    @TempDir
    Path dir;

    @Test
    void writesTemplateAppTreeAndPackageOfTheOrdersExample() throws IOException {
        Path out = dir.resolve("out");
        CliRunner.Result r =
                new CliRunner(CommandsTest.ORDERS).run("generate", "--provider", "azure", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("✓ azure: ").contains(" files in " + out.resolve("azure"));
        assertThat(out.resolve("azure/azuredeploy.json"))
                .content()
                .contains("\"kind\": \"functionapp,linux\"")
                .contains("\"FC1\"");
        assertThat(out.resolve("azure/app/host.json")).content().contains("Microsoft.Azure.Functions.ExtensionBundle");
        assertThat(out.resolve("azure/app/createOrder/function.json")).content().contains("\"route\": \"orders\"");
        assertThat(out.resolve("azure/app/src/orders.js")).exists();
        assertThat(out.resolve("azure/app/src/orders.test.js")).doesNotExist();
        assertThat(Files.size(out.resolve("azure/app.zip"))).isPositive();
    }

    @Test
    void aModelAzureCannotRunExitsThreeAndWritesNothing() throws IOException {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { azure: { location: westeurope, plan: consumption } }\nfunctions:\n"
                        + "  f:\n    handler: src/a.main\n    timeout: 20m\n");
        CliRunner.Result r = new CliRunner(dir).run("generate", "--provider", "azure", "-o", "out");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err()).contains("timeout 20m exceeds azure limit 10m").contains("nothing generated");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void whatOneAzureAppCannotHoldFailsWithTheReasonAndWritesNothing() throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.js"), "exports.main = async () => ({});\n");
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: demo\nproviders: { azure: { location: westeurope } }\nfunctions:\n"
                        + "  a: { handler: src/a.main, events: [ http: GET /a ], environment: { MODE: one } }\n"
                        + "  b: { handler: src/a.main, events: [ http: GET /b ], environment: { MODE: two } }\n");
        CliRunner.Result r = new CliRunner(dir).run("generate", "--provider", "azure", "-o", "out");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err())
                .contains(
                        "strato.yml:5:76: error: functions.b.environment.MODE: environment MODE differs from function a's")
                .contains("nothing generated");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
