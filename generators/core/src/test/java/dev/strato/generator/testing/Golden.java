package dev.strato.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under the testing module's src/test/resources/golden; {@code -Dstrato.golden.update=true}
 * rewrites them. Shared with the generators' tests through this module's test-jar.
 */
public final class Golden {

    public static final Path DIR = Path.of("src/test/resources/golden").toAbsolutePath();

    private Golden() {}

    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("strato.golden.update", "false"));
    }

    public static void check(String relative, String actual) throws IOException {
        Path file = DIR.resolve(relative);
        if (updating()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as("golden file %s is missing: run the tests with -Dstrato.golden.update=true", relative)
                .exists();
        assertThat(actual)
                .as(
                        "%s differs from the golden file (if the change is intended, rerun with -Dstrato.golden.update=true)",
                        relative)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
