package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random valid models (seeded, 1 to 50 functions) generate schema-valid templates, host.json and
 * function.json files, with no account key in app settings, no role beyond one resource, no
 * dangling dependsOn, and the same bytes when generated twice.
 */
class PropertyTest {

    static final int MODELS = 60;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> randomModels() {
        return LongStream.rangeClosed(1, MODELS)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
                    Path project = dir.resolve("p" + seed);
                    Service service = Examples.load(RandomModels.write(seed, project));
                    assertThat(service.functions()).hasSizeBetween(1, RandomModels.MAX_FUNCTIONS);
                    OutputTree out = Examples.generate(service, project);
                    OracleTest.assertValid(out);
                    Map<String, byte[]> again =
                            Examples.generate(service, project).files();
                    assertThat(again.keySet()).isEqualTo(out.files().keySet());
                    out.files()
                            .forEach((path, bytes) ->
                                    assertThat(again.get(path)).as(path).isEqualTo(bytes));
                }));
    }
}
