package dev.strato.generator.aws;

import dev.strato.generator.testing.Tools;
import dev.strato.model.service.Runtime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes a handler of an unpacked Lambda package in a real {@code node} or {@code python3}
 * process, as the Lambda runtime does (the driver scripts under {@code src/test/resources/lambda}),
 * with the recording stub handler's answer given in {@code STUB_ANSWER}.
 */
final class LambdaInvoker {

    static final Path RESOURCES = Path.of("src/test/resources/lambda").toAbsolutePath();
    static final Path EVENTS = Path.of("src/test/resources/events").toAbsolutePath();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param ok whether the invocation succeeded (else Lambda reports {@code error} and retries or fails it)
     * @param calls what the stub handler received, one {event, ctx} per call
     * @param log the process's stdout and stderr: the function's log
     * @param start the driver's clock when it invoked the handler (epoch ms)
     */
    record Outcome(boolean ok, JsonNode result, String error, List<JsonNode> calls, String log, long start) {}

    private final Runtime.Language language;
    private final Path executable;

    private LambdaInvoker(Runtime.Language language, Path executable) {
        this.language = language;
        this.executable = executable;
    }

    static LambdaInvoker of(Runtime.Language language) {
        return new LambdaInvoker(language, Tools.require(language == Runtime.Language.NODE ? "node" : "python3"));
    }

    Runtime.Language language() {
        return language;
    }

    String stubFile() {
        return language == Runtime.Language.NODE ? "stub.mjs" : "stub.py";
    }

    Outcome invoke(Path packageDir, String handler, Path event, String answer)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("lambda-invoke");
        Path record = work.resolve("calls.jsonl");
        Path result = work.resolve("result.json");
        Files.createFile(record);
        String driver = RESOURCES
                .resolve(language == Runtime.Language.NODE ? "driver.mjs" : "driver.py")
                .toString();
        ProcessBuilder pb = new ProcessBuilder(
                        executable.toString(),
                        driver,
                        packageDir.toString(),
                        handler,
                        event.toString(),
                        result.toString())
                .redirectErrorStream(true)
                .directory(work.toFile());
        pb.environment().put("STUB_RECORD", record.toString());
        pb.environment().put("STUB_ANSWER", answer);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the runtime process did not finish: " + log);
        }
        if (p.exitValue() != 0 || !Files.exists(result)) {
            throw new AssertionError("the runtime process crashed (exit " + p.exitValue() + "):\n" + log);
        }
        JsonNode outcome = JSON.readTree(Files.readString(result));
        List<JsonNode> calls = new ArrayList<>();
        for (String line : Files.readAllLines(record)) calls.add(JSON.readTree(line));
        return new Outcome(
                outcome.get("ok").asBoolean(),
                outcome.get("result"),
                outcome.path("error").asString(null),
                calls,
                log,
                outcome.get("start").asLong());
    }
}
