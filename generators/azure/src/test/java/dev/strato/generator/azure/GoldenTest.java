package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every generated file of every example against golden/&lt;example&gt;/. */
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> everyExample() {
        return Examples.names().stream()
                .map(example -> DynamicTest.dynamicTest(example, () -> {
                    OutputTree out = Examples.generate(example);
                    assertThat(out.files())
                            .containsKeys(
                                    AzureGenerator.TEMPLATE, AppPackage.DIR + AppPackage.HOST_JSON, AppPackage.ZIP);
                    ExampleGolden.check(example, out);
                }));
    }
}
