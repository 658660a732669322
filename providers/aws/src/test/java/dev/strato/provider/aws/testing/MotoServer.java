package dev.strato.provider.aws.testing;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A moto server for one test class: started on a free loopback port before the first test, reset
 * before each ({@code POST /moto-api/reset}), killed after the last. Without python3 and moto the
 * class is skipped, or fails under {@code CI=true}. Register it as a static {@code @RegisterExtension} field.
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int port;

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String endpointUrl() {
        return endpoint().toString();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path python = Tools.requirePythonModule("moto.server");
        port = freePort();
        log = Files.createTempFile("moto-", ".log");
        process = new ProcessBuilder(
                        python.toString(), "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Process started = process;
        // a test JVM that is killed still runs its shutdown hooks: no moto is left behind
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!ready()) {
            if (!process.isAlive()) throw new IllegalStateException("moto exited: " + Files.readString(log));
            if (System.nanoTime() > deadline)
                throw new IllegalStateException("moto not ready after " + READY_TIMEOUT + ": " + Files.readString(log));
            Thread.sleep(50);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        post("/moto-api/reset", "");
        lambdaUsesDocker(true);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }

    /**
     * With docker off, Lambda Invoke echoes the payload (or returns canned results) for any name;
     * with it on (the default, and what CloudFormation-made functions need to be visible) invoke fails for want of docker.
     */
    public void lambdaUsesDocker(boolean docker) throws IOException, InterruptedException {
        post("/moto-api/config", "{\"lambda\":{\"use_docker\":" + docker + "}}");
    }

    /** The next invocations (with docker off) return these payloads, in order, then echo again. */
    public void cannedLambdaResults(String region, String... payloads) throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{\"results\":[");
        for (int i = 0; i < payloads.length; i++) {
            if (i > 0) json.append(',');
            json.append('"')
                    .append(payloads[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        json.append("],\"region\":\"").append(region).append("\"}");
        post("/moto-api/static/lambda-simple/response", json.toString());
    }

    private boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(endpoint().resolve("/moto-api/"))
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(endpoint().resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2)
            throw new IllegalStateException("moto " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
