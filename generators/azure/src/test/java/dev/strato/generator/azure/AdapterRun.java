package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one function of a generated Azure app in a real {@code node} or {@code python3} process,
 * through the test drivers of {@code src/test/resources/adapter/} that call it as the Functions
 * workers do, with a recording stub in place of the handler module.
 */
final class AdapterRun {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RECORD = "STRATO_TEST_RECORD";
    static final String ANSWER = "STRATO_TEST_ANSWER";

    /** What a run gave: the driver's output ({ok, result | error, logs}) and what the stub recorded (null when not called). */
    record Result(JsonNode out, JsonNode recorded) {

        JsonNode event() {
            return recorded == null ? null : recorded.get("event");
        }

        boolean ok() {
            return out.get("ok").asBoolean();
        }

        String logs() {
            return out.get("logs").toString();
        }
    }

    enum Runtime {
        NODE("node", "run-node.mjs"),
        PYTHON("python3", "run_python.py");

        final String command;
        final String driver;

        Runtime(String command, String driver) {
            this.command = command;
            this.driver = driver;
        }
    }

    private AdapterRun() {}

    /** Writes the app/ part of a generated tree into {@code dir}. */
    static Path writeApp(OutputTree out, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            if (!e.getKey().startsWith(AppPackage.DIR)) continue;
            Path file = dir.resolve(e.getKey().substring(AppPackage.DIR.length()));
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return dir;
    }

    static Result run(Runtime runtime, Path app, String function, Path sample, Map<String, String> env, JsonNode answer)
            throws Exception {
        Path tool = Tools.require(runtime.command);
        Path record = Files.createTempFile(app, "record", ".json");
        Files.delete(record);
        List<String> command = new ArrayList<>(
                List.of(tool.toString(), driver(runtime).toString(), app.toString(), function, sample.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        pb.environment().put(RECORD, record.toString());
        pb.environment().put(ANSWER, JSON.writeValueAsString(answer));
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("driver finished").isTrue();
        assertThat(p.exitValue()).as("driver exit code, stdout: " + stdout).isZero();
        String last = stdout.strip().lines().reduce((a, b) -> b).orElse("");
        JsonNode recorded = Files.exists(record) ? JSON.readTree(record.toFile()) : null;
        return new Result(JSON.readTree(last), recorded);
    }

    static Path resource(String path) throws URISyntaxException {
        return Path.of(AdapterRun.class.getResource("/" + path).toURI());
    }

    private static Path driver(Runtime runtime) throws URISyntaxException {
        return resource("adapter/" + runtime.driver);
    }
}
