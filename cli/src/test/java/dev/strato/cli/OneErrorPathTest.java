package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Failures leave through {@link CommandException} and {@link ErrorReporter}: no other class under
 * cli/ writes an {@code error:} line (or paints the word) itself.
 */
class OneErrorPathTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ERROR_LINE =
            Pattern.compile("red\\(\"error\"\\)|\"error: |\"error\"\\s*\\+|\\+\\s*\"error\"");

    @Test
    void onlyTheErrorReporterPrintsAnErrorLine() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.getFileName().toString().equals("ErrorReporter.java")) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (ERROR_LINE.matcher(lines.get(i)).find())
                        found.add(SOURCES.relativize(file) + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("print through CommandException instead").isEmpty();
    }

    @Test
    void theReporterItselfIsFound() throws IOException {
        // the pattern must match what the reporter writes, or the test above could never fail
        assertThat(ERROR_LINE
                        .matcher(Files.readString(SOURCES.resolve("dev/strato/cli/ErrorReporter.java")))
                        .find())
                .isTrue();
    }
}
