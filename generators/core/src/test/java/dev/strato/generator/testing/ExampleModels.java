package dev.strato.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.diag.Diagnostic;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The project's examples (and any strato.yml), loaded for one provider as the CLI would, with an
 * empty environment and a pinned date, from a generator module's folder.
 */
public final class ExampleModels {

    public static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    public static final Path DIR = ROOT.resolve("examples");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private ExampleModels() {}

    public static List<String> names() {
        try (Stream<Path> dirs = Files.list(DIR)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("strato.yml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What loading the file gives, errors included. */
    public static LoadResult loadResult(Path file, Provider provider) {
        return ModelLoader.load(
                file,
                file.getFileName().toString(),
                new LoadOptions(null, Map.of(), Map.of(), List.of(provider), TODAY));
    }

    /** The service of a valid file; a test failure listing the errors otherwise. */
    public static Service load(Path file, Provider provider) {
        LoadResult r = loadResult(file, provider);
        assertThat(r.diagnostics().sorted().stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .toList())
                .as(file.toString())
                .isEmpty();
        return r.service().orElseThrow();
    }
}
