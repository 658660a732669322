package dev.strato.provider.azure.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that runs Azurite's blob service for a test class on a free loopback port, over
 * HTTPS with the test certificate and with OAuth (bearer tokens) checked in its basic mode, so the
 * SDK's token-credential path runs as on Azure. Azurite comes from src/test/azurite (npm ci, as .ci/run
 * does); without it the tests skip with a message, and under CI=true they fail.
 */
public final class Azurite implements BeforeAllCallback, AfterAllCallback {

    public static final String ACCOUNT = "devstoreaccount1";

    private Process process;
    private int port;
    private Path log;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path bin = binary();
        if (!Files.isExecutable(bin)) {
            String message =
                    "Azurite is not installed: run 'npm ci --no-audit --no-fund' in providers/azure/src/test/azurite";
            if ("true".equalsIgnoreCase(System.getenv("CI")))
                throw new IllegalStateException(message + " (CI=true: the tests need it)");
            Assumptions.abort(message);
        }
        Path dir = Files.createDirectories(Path.of("target/azurite").toAbsolutePath());
        Path cert = TestTls.file("cert.pem", dir);
        Path key = TestTls.file("key.pem", dir);
        TestTls.trust();
        port = freePort();
        log = dir.resolve("azurite-" + port + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                bin.toString(),
                "--silent",
                "--inMemoryPersistence",
                "--disableTelemetry",
                "--skipApiVersionCheck",
                "--loose",
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                String.valueOf(port),
                "--cert",
                cert.toString(),
                "--key",
                key.toString(),
                "--oauth",
                "basic"));
        process = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!listening()) {
            if (!process.isAlive()) throw new IllegalStateException("Azurite exited: " + Files.readString(log));
            if (Instant.now().isAfter(deadline))
                throw new IllegalStateException("Azurite did not listen within 30 s: " + Files.readString(log));
            Thread.sleep(50);
        }
    }

    /** providers/azure/src/test/azurite, seen from that module or from another module of the build (the CLI's). */
    private static Path binary() {
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            Path p = base.resolve("providers/azure/src/test/azurite/node_modules/.bin/azurite-blob");
            if (Files.isExecutable(p)) return p;
            Path local = base.resolve("src/test/azurite/node_modules/.bin/azurite-blob");
            if (Files.isExecutable(local) && base.endsWith("azure")) return local;
        }
        return Path.of("providers/azure/src/test/azurite/node_modules/.bin/azurite-blob")
                .toAbsolutePath();
    }

    private boolean listening() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The blob endpoint, path-style, as a storage account's primaryEndpoints.blob would be. */
    public String blobEndpoint() {
        return "https://127.0.0.1:" + port + "/" + ACCOUNT + "/";
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
