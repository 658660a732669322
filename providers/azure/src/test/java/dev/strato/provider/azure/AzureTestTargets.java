package dev.strato.provider.azure;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.providers.Provider;
import dev.strato.provider.Connection;
import dev.strato.provider.ServiceTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Example services as deploy targets, and connections and fast settings for tests. */
final class AzureTestTargets {

    static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    /** Quick polls and short timeouts, so that waiting and retrying paths run in milliseconds. */
    static final ClientSettings FAST = new ClientSettings(
            4,
            Duration.ofMillis(10),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            Duration.ofSeconds(20),
            Duration.ofSeconds(2));

    private AzureTestTargets() {}

    static ServiceTarget example(String name) {
        return target(EXAMPLES.resolve(name));
    }

    static ServiceTarget target(Path projectDir) {
        LoadResult result = ModelLoader.load(
                projectDir.resolve("strato.yml"),
                "strato.yml",
                new LoadOptions(null, Map.of(), Map.of(), List.of(Provider.AZURE), LocalDate.of(2026, 11, 27)));
        if (!result.isValid())
            throw new IllegalStateException(result.diagnostics().sorted().toString());
        return new ServiceTarget(result.service().orElseThrow(), projectDir);
    }

    /** A copy of an example in {@code dir}, to change its handlers. */
    static Path copy(String name, Path dir) throws IOException {
        Path from = EXAMPLES.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.toString().contains("node_modules")) continue;
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir;
    }

    static Connection connection(AzureWireMock arm) {
        return connection(URI.create(arm.base()), arm.environment());
    }

    static Connection connection(URI endpoint, Map<String, String> environment) {
        return new Connection(null, null, endpoint, environment);
    }

    static AzureSession session(Connection connection, ServiceTarget target) {
        return new AzureSession(connection, target, FAST);
    }
}
