package dev.strato.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the runner process: the request on stdin, each output line to a listener, stopped at the timeout. */
final class ProcessRunner {

    /** How the process ended. */
    record Outcome(boolean timedOut, int exitCode, long durationMs) {}

    private ProcessRunner() {}

    static Outcome run(
            List<String> command,
            Path workDir,
            Map<String, String> environment,
            String stdin,
            Duration timeout,
            LogLine.Listener listener) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw LocalInvokeException.failure("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        Thread out = pump(process.getInputStream(), false, listener);
        Thread err = pump(process.getErrorStream(), true, listener);
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process ended before reading its request: its output says why
        }
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
            // a grandchild the kill missed could hold the pipes open: don't wait for it forever
            out.join(2000);
            err.join(2000);
            return new Outcome(!finished, process.exitValue(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw LocalInvokeException.failure("interrupted");
        }
    }

    private static Thread pump(InputStream stream, boolean stderr, LogLine.Listener listener) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) listener.line(new LogLine(line, stderr));
                    } catch (IOException e) {
                        // the process was stopped: its remaining output is lost
                    }
                },
                stderr ? "local-invoke-stderr" : "local-invoke-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
