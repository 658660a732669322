package dev.strato.generator.gcp;

import dev.strato.generator.testing.Tools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code src/test/resources/python/gcp_framework.py} in one python3 process per package and entry
 * point, calling the entry the way the Python Functions Framework does (a flask.Request, or a
 * CloudEvent built as cloudevents' from_http builds it): functions_framework itself is not
 * installable here.
 */
final class PythonFrameworkHost extends FunctionHost {

    static final Path HARNESS =
            Path.of("src/test/resources/python/gcp_framework.py").toAbsolutePath();

    private final Path python;
    private final Map<String, Worker> workers = new LinkedHashMap<>();

    private record Worker(Process process, Writer in, BufferedReader out) {}

    PythonFrameworkHost(Path work) throws IOException {
        super(work);
        this.python = Tools.requirePythonModule("flask");
    }

    @Override
    HostResponse call(Path pkg, String target, Signature signature, NativeRequest request) throws Exception {
        Worker worker = worker(pkg, target);
        int lines = recordedLines();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signature", signature.id());
        json.put("method", request.method());
        json.put("path", request.path());
        json.put("query", request.query());
        json.put("headers", request.headers());
        json.put("body", Base64.getEncoder().encodeToString(request.body()));
        worker.in().write(NativeRequest.JSON.writeValueAsString(json) + "\n");
        worker.in().flush();
        String line = worker.out().readLine();
        if (line == null) throw new AssertionError("the Python host exited (a crash of the runtime process)");
        JsonNode result = NativeRequest.JSON.readTree(line);
        if (result.get("status").asInt() < 0)
            throw new AssertionError(
                    "the Python host crashed:\n" + result.get("log").asString());
        Map<String, String> headers = new LinkedHashMap<>();
        result.get("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        return new HostResponse(
                result.get("status").asInt(),
                headers,
                Base64.getDecoder().decode(result.get("body").asString()),
                recordedSince(lines),
                result.get("log").asString());
    }

    private Worker worker(Path pkg, String target) throws IOException {
        String key = pkg + "#" + target;
        Worker existing = workers.get(key);
        if (existing != null) return existing;
        ProcessBuilder pb = new ProcessBuilder(python.toString(), HARNESS.toString(), pkg.toString(), target)
                .directory(pkg.toFile())
                .redirectError(work.resolve("python-" + workers.size() + ".err").toFile());
        pb.environment().put("STRATO_RECORD", record.toString());
        pb.environment().put("STRATO_ANSWER", answer.toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        Worker worker = new Worker(
                p,
                new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        workers.put(key, worker);
        return worker;
    }

    @Override
    public void close() throws Exception {
        for (Worker w : workers.values()) {
            w.in().close();
            if (!w.process().waitFor(5, TimeUnit.SECONDS)) w.process().destroyForcibly();
        }
        workers.clear();
    }
}
