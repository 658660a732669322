package dev.strato.generator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * External tools tests need: skipped on a developer machine without them, a failure under CI=true.
 * Shared with other modules' tests through this module's test-jar.
 */
public final class Tools {

    private Tools() {}

    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        missing(name + " is not on PATH");
        return null;
    }

    /** python3 that can import {@code module}. */
    public static Path requirePythonModule(String module) {
        Path python = require("python3");
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import " + module)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return python;
        } catch (IOException e) {
            // reported below like a missing module
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        missing("python3 cannot import " + module);
        return null;
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " (CI=true: tools are required)");
        assumeTrue(false, message + ": skipped (install it, or run under CI=true to make this a failure)");
    }
}
