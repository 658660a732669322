package dev.strato.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.LoadResult;
import dev.strato.model.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The import fixtures under src/test/resources/cases/NAME: one source file each, with golden
 * {@code expected/strato.yml} and {@code expected/report.txt} ({@code -Dstrato.golden.update=true} rewrites them).
 */
final class Cases {

    static final Path DIR = Path.of("src/test/resources/cases").toAbsolutePath();
    static final Path WORK = Path.of("target/import-tests").toAbsolutePath();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private Cases() {}

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(DIR)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source file of a case: its one file beside expected/ that is not a helper (names starting with _). */
    static Path source(String name) throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve(name))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("_"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Imports a case in a copy of its folder under target/, writes strato.yml there and returns the result. */
    static Importer.Result importCase(String name) throws IOException, ImportException {
        Path work = WORK.resolve(name);
        Files.createDirectories(work);
        try (Stream<Path> files = Files.list(DIR.resolve(name))) {
            for (Path f : files.filter(Files::isRegularFile).toList())
                Files.copy(f, work.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path source = work.resolve(source(name).getFileName());
        Importer.Result result =
                Importer.importFile(source, source.getFileName().toString());
        Files.writeString(work.resolve("strato.yml"), result.yaml(), StandardCharsets.UTF_8);
        handlerFiles(work, result.yaml());
        return result;
    }

    /**
     * The case folders hold the template alone; a real project has its handler files, and
     * validate refuses a package.include that selects none, so each script handler gets a stub.
     */
    private static void handlerFiles(Path work, String yaml) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s+handler: ([\\w./-]+)\\.\\w+$")
                .matcher(yaml);
        while (m.find()) {
            for (String ext : List.of(".js", ".py")) {
                Path file = work.resolve(m.group(1) + ext);
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)) Files.writeString(file, "// stub\n", StandardCharsets.UTF_8);
            }
        }
    }

    /** Loads what an import wrote for aws and asserts it has no error. */
    static LoadResult validate(Path strato, Importer.Result result) {
        LoadResult loaded = Importer.validate(strato, "strato.yml", result, Map.of(), TODAY);
        assertThat(loaded.diagnostics().sorted().stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .toList())
                .as("%s validates\n%s", strato, result.yaml())
                .isEmpty();
        return loaded;
    }

    static void golden(Path file, String actual) throws IOException {
        if (Boolean.parseBoolean(System.getProperty("strato.golden.update", "false"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as("golden file %s is missing: run the tests with -Dstrato.golden.update=true", file)
                .exists();
        assertThat(actual)
                .as("%s differs from the golden file (if intended, rerun with -Dstrato.golden.update=true)", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
