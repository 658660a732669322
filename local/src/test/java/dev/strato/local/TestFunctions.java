package dev.strato.local;

import dev.strato.model.service.Adapter;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Functions for tests that need no strato.yml. */
final class TestFunctions {

    private TestFunctions() {}

    static Function withEnvironment(Map<String, Value> environment) {
        return new Function(
                "f",
                "src/app.main",
                null,
                Runtime.NODEJS22,
                Adapter.PORTABLE,
                1024,
                Duration.ofSeconds(10),
                environment,
                false,
                30,
                false,
                Map.of(),
                Architecture.ARM64,
                2,
                null,
                List.of(),
                Map.of());
    }
}
