package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.testing.Golden;
import dev.strato.model.providers.AwsFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every generated file of every example in both formats, against golden/<example>/<format>/. */
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> everyExampleInBothFormats() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            for (AwsFormat format : AwsFormat.values()) {
                tests.add(DynamicTest.dynamicTest(example + " " + format, () -> {
                    OutputTree out = Examples.generate(example, format);
                    String dir = example + "/" + format.id() + "/";
                    StringBuilder artifacts = new StringBuilder();
                    for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
                        if (e.getKey().startsWith(AwsGenerator.ARTIFACTS)) {
                            artifacts
                                    .append(e.getKey())
                                    .append(' ')
                                    .append(Packager.sha256(e.getValue()))
                                    .append('\n');
                        } else {
                            Golden.check(dir + e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
                        }
                    }
                    Golden.check(dir + "artifacts.txt", artifacts.toString());
                    assertThat(out.files()).containsKeys(AwsGenerator.TEMPLATE, AwsGenerator.MANIFEST);
                }));
            }
        }
        return tests.stream();
    }
}
