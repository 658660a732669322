package dev.strato.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/** External tools tests need: skipped on a developer machine without them, a failure under CI=true. */
public final class Tools {

    private Tools() {}

    public static Path require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        String message = name + " is not on PATH";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(message + " (CI=true: tools are required)");
        assumeTrue(false, message + ": skipped (install it, or run under CI=true to make this a failure)");
        return null;
    }
}
