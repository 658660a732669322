package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input to the cloud commands is refused before any cloud call, with one clear line. */
class CloudCommandsTest {

    @TempDir
    Path dir;

    private static final String ORDERS = Path.of("../examples/orders/strato.yml")
            .toAbsolutePath()
            .normalize()
            .toString();

    private CliRunner.Result strato(String... args) {
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args),
                        java.util.stream.Stream.of(
                                "-c", ORDERS, "--provider", "aws", "--endpoint-url", "http://127.0.0.1:9"))
                .toArray(String[]::new);
        return new CliRunner(dir)
                .env("AWS_ACCESS_KEY_ID", "testing")
                .env("AWS_SECRET_ACCESS_KEY", "testing")
                .run(all);
    }

    private static void assertRefused(CliRunner.Result r, int exitCode, String error) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
        assertThat(r.err()).contains(error).doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoke", "logs"})
    void unknownFunctionSuggestsTheClosest(String command) {
        CliRunner.Result r = strato(command, "-f", "creatOrder");
        assertRefused(
                r,
                ExitCodes.USAGE,
                "error: unknown function 'creatOrder' (did you mean 'createOrder'?)"
                        + " (functions: createOrder, getOrder, orderWorker, processPayment, nightlyReport)");
    }

    @Test
    void malformedDataIsRefusedWithItsPosition() {
        CliRunner.Result r = strato("invoke", "-f", "createOrder", "--data", "{\"id\": ");
        assertRefused(r, ExitCodes.USAGE, "error: the event is not valid JSON (line 1, column 8)");
    }

    @Test
    void malformedDataFileIsRefused() throws Exception {
        Files.writeString(dir.resolve("event.json"), "{\"id\": 1,}");
        CliRunner.Result r = strato("invoke", "-f", "createOrder", "--data-file", "event.json");
        assertRefused(r, ExitCodes.USAGE, "error: the event is not valid JSON (line 1, column 10)");
    }

    @Test
    void missingDataFileIsAFailure() {
        CliRunner.Result r = strato("invoke", "-f", "createOrder", "--data-file", "nope.json");
        assertRefused(r, ExitCodes.USAGE, "error: --data-file: no such file: nope.json");
    }

    @Test
    void dataAndDataFileExcludeEachOther() {
        CliRunner.Result r = strato("invoke", "-f", "createOrder", "--data", "{}", "--data-file", "e.json");
        assertRefused(r, ExitCodes.USAGE, "error: give --data or --data-file, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10x", "yesterday", "2026-13-01T00:00:00Z", "-5m"})
    void badSinceIsAUsageError(String since) {
        CliRunner.Result r = strato("logs", "-f", "createOrder", "--since", since);
        assertRefused(r, ExitCodes.USAGE, "is not a time: use an age such as 30s, 10m, 2h, 1d, or an ISO time");
    }

    @Test
    void functionIsRequired() {
        CliRunner.Result r = strato("invoke");
        assertRefused(r, ExitCodes.USAGE, "Missing required option: '--function=NAME'");
    }

    @Test
    void anInvalidModelIsReportedAndNothingIsDeployed() throws Exception {
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: x\nruntime: cobol\nproviders:\n  aws: { region: us-east-1 }\nfunctions: {}\n");
        CliRunner.Result r = new CliRunner(dir).run("deploy", "--endpoint-url", "http://127.0.0.1:9");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
    }

    @Test
    void severalProvidersNeedAChoice() {
        // every provider has a client, so the file's three providers need a choice
        CliRunner.Result r = new CliRunner(dir).run("info", "-c", ORDERS);
        assertRefused(
                r, ExitCodes.USAGE, "error: choose one provider with --provider (this service has aws, azure, gcp)");
    }
}
