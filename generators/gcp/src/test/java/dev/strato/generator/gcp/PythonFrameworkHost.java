package dev.strato.generator.gcp;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A python3 process per request running {@code src/test/resources/python/gcp_framework.py}, which
 * calls the entry the way the Python Functions Framework does (a flask.Request, or a CloudEvent
 * built as cloudevents' from_http builds it): functions_framework itself is not installable here.
 */
final class PythonFrameworkHost extends FunctionHost {

    static final Path HARNESS = Path.of("src/test/resources/python/gcp_framework.py").toAbsolutePath();

    private final Path python;
    private int calls;

    PythonFrameworkHost(Path work) throws IOException {
        super(work);
        this.python = Tools.requirePythonModule("flask");
    }

    @Override
    HostResponse call(Path pkg, String target, Signature signature, NativeRequest request) throws Exception {
        int lines = recordedLines();
        int n = calls++;
        Path requestFile = work.resolve("request-" + n + ".json");
        Path resultFile = work.resolve("result-" + n + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", request.method());
        json.put("path", request.path());
        json.put("query", request.query());
        json.put("headers", request.headers());
        json.put("body", Base64.getEncoder().encodeToString(request.body()));
        Files.write(requestFile, NativeRequest.JSON.writeValueAsBytes(json));
        ProcessBuilder pb = new ProcessBuilder(python.toString(), HARNESS.toString(), pkg.toString(), target, signature.id(),
                requestFile.toString(), resultFile.toString()).redirectErrorStream(true).directory(pkg.toFile());
        pb.environment().put("STRATO_RECORD", record.toString());
        pb.environment().put("STRATO_ANSWER", answer.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(resultFile)) {
            throw new AssertionError("the Python host failed (a crash of the runtime process):\n" + log);
        }
        JsonNode result = NativeRequest.JSON.readTree(resultFile.toFile());
        Map<String, String> headers = new LinkedHashMap<>();
        result.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return new HostResponse(result.get("status").asInt(), headers, Base64.getDecoder().decode(result.get("body").asString()),
                recordedSince(lines), log);
    }

    @Override
    public void close() {}
}
