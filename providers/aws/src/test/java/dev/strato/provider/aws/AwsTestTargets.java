package dev.strato.provider.aws;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.providers.Provider;
import dev.strato.provider.Connection;
import dev.strato.provider.ServiceTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The orders example as a deploy target, and connections and fast settings for tests. */
final class AwsTestTargets {

    static final Path ORDERS = Path.of("../../examples/orders").toAbsolutePath().normalize();

    /** Quick polls and short timeouts, so that waiting paths run in milliseconds. */
    static final ClientSettings FAST = new ClientSettings(
            4,
            Duration.ofMillis(10),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            Duration.ofSeconds(10),
            4);

    private AwsTestTargets() {}

    static ServiceTarget orders() {
        return target(ORDERS);
    }

    static ServiceTarget target(Path projectDir) {
        LoadResult result = ModelLoader.load(
                projectDir.resolve("strato.yml"),
                "strato.yml",
                new LoadOptions(null, Map.of(), Map.of(), List.of(Provider.AWS), LocalDate.of(2026, 11, 27)));
        if (!result.isValid())
            throw new IllegalStateException(result.diagnostics().sorted().toString());
        return new ServiceTarget(result.service().orElseThrow(), projectDir);
    }

    static Connection connection(URI endpoint) {
        return new Connection(
                "us-east-1",
                null,
                endpoint,
                Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"));
    }
}
