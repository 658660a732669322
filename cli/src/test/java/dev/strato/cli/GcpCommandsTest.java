package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --provider gcp through the CLI in a child JVM (its environment exactly as given): the provider is found on the
 * class path, bad input is refused before any network call, missing credentials are one line. A local HTTP server
 * stands where --endpoint-url points and counts the requests that reach it.
 */
class GcpCommandsTest {

    @TempDir
    Path dir;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Map<String, String> bareEnvironment() {
        // no metadata server probe: this is no GCE machine
        return Map.of("HOME", dir.toString(), "NO_COLOR", "1", "STRATO_TODAY", CliRunner.TODAY, "NO_GCE_CHECK", "true");
    }

    @Test
    void missingCredentialsAreOneLineThatSaysHowToSignIn() throws Exception {
        String hello = Path.of("../examples/hello-http/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        ChildJvm.Result r = ChildJvm.run(
                List.of(),
                bareEnvironment(),
                dir,
                "info",
                "-c",
                hello,
                "--provider",
                "gcp",
                "--endpoint-url",
                endpoint());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList())
                .singleElement()
                .asString()
                .startsWith("error: no Google Cloud credentials found: run 'gcloud auth application-default login'")
                .contains("external_account");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(requests).hasValue(0);
    }

    @Test
    void anInvalidModelIsRefusedBeforeAnyNetworkCall() throws Exception {
        Path yml = dir.resolve("strato.yml");
        Files.writeString(yml, """
                service: bad-gcp
                runtime: nodejs22
                providers:
                  gcp: { project: acme-bad, region: europe-west1, engine: cloudformation }
                functions:
                  hello:
                    handler: src/hello.hello
                    memory: 99999999
                    events:
                      - http: GET /hello
                """);
        for (String command : List.of("deploy", "diff", "info", "remove")) {
            ChildJvm.Result r = ChildJvm.run(
                    List.of(),
                    bareEnvironment(),
                    dir,
                    command,
                    "-c",
                    yml.toString(),
                    "--provider",
                    "gcp",
                    "--endpoint-url",
                    endpoint());
            assertThat(r.exitCode()).as(command + ": " + r.err()).isEqualTo(3);
            assertThat(r.err()).as(command).contains("providers.gcp.engine");
        }
        assertThat(requests).hasValue(0);
    }

    @Test
    void invokeRefusesAMissingFileBeforeAnyNetworkCall() throws Exception {
        String thumbs = Path.of("../examples/thumbnails/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        ChildJvm.Result r = ChildJvm.run(
                List.of(),
                bareEnvironment(),
                dir,
                "invoke",
                "-c",
                thumbs,
                "--provider",
                "gcp",
                "-f",
                "makeThumbnail",
                "--file",
                dir.resolve("nope.png").toString(),
                "--endpoint-url",
                endpoint());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("nope.png: no such file");
        assertThat(requests).hasValue(0);
    }
}
