package dev.strato.model;

import dev.strato.model.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test helper: loads a strato.yml written into a temporary project folder. */
final class Models {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static final String PROVIDERS = """
            providers:
              aws: { region: us-east-1 }
              azure: { location: westeurope }
              gcp: { project: acme-demo, region: europe-west1 }
            """;

    private Models() {}

    static LoadResult load(Path dir, String yaml) {
        return load(dir, yaml, Map.of(), Map.of(), null);
    }

    static LoadResult load(Path dir, String yaml, Map<String, String> env, Map<String, String> params, String stage) {
        try {
            Path file = dir.resolve("strato.yml");
            Files.writeString(file, yaml);
            return ModelLoader.load(file, "strato.yml", new LoadOptions(stage, params, env, List.of(), TODAY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every diagnostic as its formatted line. */
    static List<String> lines(LoadResult r) {
        return r.diagnostics().sorted().stream().map(Diagnostic::format).toList();
    }

    static List<String> errors(LoadResult r) {
        return r.diagnostics().sorted().stream()
                .filter(Diagnostic::isError)
                .map(Diagnostic::format)
                .toList();
    }
}
