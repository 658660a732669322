package dev.strato.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small valid models for the insight tests, loaded the way the CLI loads them. */
public final class Models {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    public static final String HEADER = """
            service: svc
            runtime: python3.12
            providers:
              aws: { region: us-east-1 }
              azure: { location: westeurope, resourceGroup: rg, plan: flex }
              gcp: { project: acme-test, region: europe-west1 }
            """;

    private Models() {}

    /** {@code body} (functions: and resources:) after a header that targets all three clouds. */
    public static LoadResult load(Path dir, String body) {
        return loadText(dir, body.startsWith("service:") ? body : HEADER + body);
    }

    public static LoadResult loadText(Path dir, String text) {
        try {
            Path file = dir.resolve("strato.yml");
            Files.writeString(file, text);
            LoadResult r =
                    ModelLoader.load(file, "strato.yml", new LoadOptions(null, Map.of(), Map.of(), List.of(), TODAY));
            assertThat(r.isValid())
                    .as("model is valid: %s", r.diagnostics().sorted())
                    .isTrue();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LoadResult example(String name) {
        Path file = Path.of("../examples", name, "strato.yml");
        LoadResult r =
                ModelLoader.load(file, "strato.yml", new LoadOptions(null, Map.of(), Map.of(), List.of(), TODAY));
        assertThat(r.isValid())
                .as("example %s is valid: %s", name, r.diagnostics().sorted())
                .isTrue();
        return r;
    }
}
