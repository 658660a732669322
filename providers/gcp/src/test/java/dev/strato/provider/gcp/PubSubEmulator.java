package dev.strato.provider.gcp;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Google Cloud CLI's Pub/Sub emulator on a free loopback port for a test class (its launcher execs the JVM, so
 * the process is the emulator). Missing on a user's machine: the tests skip with a message; under CI=true they fail.
 * PUBSUB_EMULATOR_BIN names another launcher.
 */
final class PubSubEmulator implements BeforeAllCallback, AfterAllCallback {

    static final Path DEFAULT = Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");

    private Process process;
    private int port;

    String host() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path bin =
                System.getenv("PUBSUB_EMULATOR_BIN") != null ? Path.of(System.getenv("PUBSUB_EMULATOR_BIN")) : DEFAULT;
        if (!Files.isExecutable(bin)) {
            String message = "the Pub/Sub emulator is not installed at " + bin
                    + " (gcloud components install pubsub-emulator, or set PUBSUB_EMULATOR_BIN)";
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException(message + ": CI must provide it");
            Assumptions.abort(message + ": skipping");
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("pubsub-emulator", ".log");
        process = new ProcessBuilder(bin.toString(), "--host=127.0.0.1", "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IllegalStateException("the Pub/Sub emulator stopped: " + Files.readString(log));
            if (ready()) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("the Pub/Sub emulator did not answer within 60 s: " + Files.readString(log));
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection)
                    URI.create("http://" + host() + "/").toURL().openConnection();
            c.setConnectTimeout(200);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** A REST call to the emulator: its answer's body. */
    String rest(String method, String path, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://" + host() + path).toURL().openConnection();
        c.setRequestMethod(method);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
        int code = c.getResponseCode();
        var in = code < 400 ? c.getInputStream() : c.getErrorStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (code >= 400 && code != 409) throw new IOException("HTTP " + code + " " + text);
        return text;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }
}
