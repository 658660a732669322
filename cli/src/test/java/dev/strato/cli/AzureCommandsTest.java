package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the Azure commands is refused before any network call: the endpoint is a closed
 * port, so a call that went out would fail with exit 1 instead.
 */
class AzureCommandsTest {

    @TempDir
    Path dir;

    private static final String HELLO = Path.of("../examples/hello-http/strato.yml")
            .toAbsolutePath()
            .normalize()
            .toString();

    private CliRunner runner() {
        return new CliRunner(dir)
                .env("AZURE_SUBSCRIPTION_ID", "00000000-1111-2222-3333-444444444444")
                .env("AZURE_TOKEN_CREDENTIALS", "EnvironmentCredential");
    }

    private CliRunner.Result azure(String... args) {
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args),
                        java.util.stream.Stream.of(
                                "-c", HELLO, "--provider", "azure", "--endpoint-url", "https://127.0.0.1:9"))
                .toArray(String[]::new);
        return runner().run(all);
    }

    @Test
    void unknownFunctionIsRefused() {
        CliRunner.Result r = azure("invoke", "-f", "helo");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains("error: unknown function 'helo' (did you mean 'hello'?) (functions: hello)")
                .doesNotContain("\tat ");
    }

    @Test
    void malformedDataIsRefused() {
        CliRunner.Result r = azure("invoke", "-f", "hello", "--data", "{\"a\":");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("error: ").doesNotContain("\tat ");
    }

    @Test
    void aModelInvalidForAzureIsRefusedWithExitThree() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.js"), "exports.handler = async () => ({});\n");
        Files.writeString(dir.resolve("strato.yml"), """
                service: big
                runtime: nodejs22
                providers:
                  azure: { location: westeurope, plan: flex }
                functions:
                  api:
                    handler: src/a.handler
                    memory: 8192
                    events:
                      - http: GET /a
                """);
        CliRunner.Result r = runner().run(
                        "deploy",
                        "-c",
                        dir.resolve("strato.yml").toString(),
                        "--provider",
                        "azure",
                        "--endpoint-url",
                        "https://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err()).contains("8192").contains("4096");
    }

    @Test
    void aMalformedSubscriptionIsOneLine() {
        CliRunner.Result r = azure("info", "--subscription", "my-sub");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err())
                .contains("error: --subscription 'my-sub' is not a subscription id")
                .doesNotContain("\tat ");
    }

    @Test
    void missingCredentialsSayHowToSignIn() {
        CliRunner.Result r = azure("info");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith("error: no Azure credentials found: run 'az login'");
        assertThat(r.err()).doesNotContain("\tat ");
    }
}
