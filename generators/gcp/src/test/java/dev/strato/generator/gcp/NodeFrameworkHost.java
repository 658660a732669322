package dev.strato.generator.gcp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * The real {@code @google-cloud/functions-framework} (pinned in {@code src/test/node/package.json},
 * installed there by {@code npm ci}) serving a generated package on a free loopback port, one
 * server per package, entry point and signature type, all stopped by {@link #close()}.
 */
final class NodeFrameworkHost extends FunctionHost {

    static final Path SUPPORT = Path.of("src/test/node").toAbsolutePath();
    static final Path MAIN = SUPPORT.resolve("node_modules/@google-cloud/functions-framework/build/src/main.js");
    private static final Duration START = Duration.ofSeconds(30);

    private final Path node;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Server> servers = new LinkedHashMap<>();

    private record Server(Process process, int port, Path log) {}

    NodeFrameworkHost(Path work) throws IOException {
        super(work);
        this.node = Tools.require("node");
        if (!Files.isRegularFile(MAIN)) {
            String message = "the Functions Framework is not installed: run npm ci in " + SUPPORT;
            if ("true".equalsIgnoreCase(System.getenv("CI")))
                Assertions.fail(message + " (CI=true: .ci/run installs it)");
            assumeTrue(false, message + ": skipped");
        }
    }

    @Override
    HostResponse call(Path pkg, String target, Signature signature, NativeRequest request) throws Exception {
        Server server = server(pkg, target, signature);
        int lines = recordedLines();
        long logSize = Files.size(server.log());
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(request.uri(server.port())))
                .timeout(Duration.ofSeconds(30))
                .method(
                        request.method(),
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers()
                .map()
                .forEach((name, values) ->
                        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
        return new HostResponse(
                response.statusCode(), headers, response.body(), recordedSince(lines), logSince(server.log(), logSize));
    }

    /** The server's output after {@code offset}, once it has stopped growing (console output reaches the file asynchronously). */
    private static String logSince(Path log, long offset) throws Exception {
        long size = -1;
        for (int i = 0; i < 20 && size != Files.size(log); i++) {
            size = Files.size(log);
            Thread.sleep(25);
        }
        byte[] all = Files.readAllBytes(log);
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private Server server(Path pkg, String target, Signature signature) throws Exception {
        String key = pkg + "#" + target + "#" + signature;
        Server existing = servers.get(key);
        if (existing != null) return existing;
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path log = work.resolve("server-" + servers.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        node.toString(),
                        MAIN.toString(),
                        "--target=" + target,
                        "--signature-type=" + signature.id(),
                        "--source=" + pkg,
                        "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("STRATO_RECORD", record.toString());
        pb.environment().put("STRATO_ANSWER", answer.toString());
        pb.environment().put("NODE_ENV", "production");
        Process process = pb.start();
        Server server = new Server(process, port, log);
        servers.put(key, server);
        awaitPort(server);
        return server;
    }

    private static void awaitPort(Server server) throws Exception {
        long until = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < until) {
            if (!server.process().isAlive())
                throw new AssertionError("functions-framework exited:\n" + Files.readString(server.log()));
            try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError(
                "functions-framework did not listen within " + START + ":\n" + Files.readString(server.log()));
    }

    @Override
    public void close() throws Exception {
        for (Server s : List.copyOf(servers.values())) {
            s.process().destroy();
            if (!s.process().waitFor(5, TimeUnit.SECONDS)) s.process().destroyForcibly();
        }
        servers.clear();
    }
}
