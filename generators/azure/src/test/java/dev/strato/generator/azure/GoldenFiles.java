package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Packager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An example's output against src/test/resources/golden/&lt;example&gt;/: the template and every
 * generated JSON file as text, the copied handler files and app.zip as one sha256 line each in
 * files.txt. {@code -Dstrato.golden.update=true} rewrites them.
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src/test/resources/golden").toAbsolutePath();
    static final String HASHES = "files.txt";

    private GoldenFiles() {}

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("strato.golden.update", "false"));
    }

    static void check(String example, OutputTree out) throws IOException {
        StringBuilder hashes = new StringBuilder();
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            String path = e.getKey();
            if (path.equals(AzureGenerator.TEMPLATE) || path.endsWith("/" + AppPackage.FUNCTION_JSON) || path.equals(AppPackage.DIR + AppPackage.HOST_JSON)) {
                compare(example + "/" + path, new String(e.getValue(), StandardCharsets.UTF_8));
            } else {
                hashes.append(path).append(' ').append(Packager.sha256(e.getValue())).append('\n');
            }
        }
        compare(example + "/" + HASHES, hashes.toString());
    }

    private static void compare(String relative, String actual) throws IOException {
        Path file = DIR.resolve(relative);
        if (updating()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing: run the tests with -Dstrato.golden.update=true", relative).exists();
        assertThat(actual).as("%s differs from the golden file (if the change is intended, rerun with -Dstrato.golden.update=true)", relative)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
