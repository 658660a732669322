package dev.strato.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs strato commands in-process and captures what they print and their exit code. */
public final class CliRunner {

    /** The date tests judge runtime deprecations by, so expectations don't drift with the calendar. */
    public static final String TODAY = "2026-11-27";

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> environment = new HashMap<>();

    public CliRunner(Path workingDir) {
        environment.put("STRATO_WORKDIR", workingDir.toAbsolutePath().toString());
        environment.put("STRATO_TODAY", TODAY);
        environment.put("NO_COLOR", "1");
    }

    public CliRunner env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Result(code, out.toString(), err.toString());
    }
}
