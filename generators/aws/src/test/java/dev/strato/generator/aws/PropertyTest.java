package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Many random valid models (seeded, 1 to 50 functions) generate in both formats within CloudFormation's limits, with no wildcard IAM. */
class PropertyTest {

    static final int MODELS = 60;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> randomModels() {
        return LongStream.rangeClosed(101, 100 + MODELS)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
                    Path project = dir.resolve("p" + seed);
                    Service service = Examples.load(RandomModels.write(seed, project));
                    assertThat(service.functions()).hasSizeBetween(1, RandomModels.MAX_FUNCTIONS);
                    for (AwsFormat format : AwsFormat.values()) {
                        Service s = Examples.withFormat(service, format);
                        OutputTree out = Examples.generate(s, project);
                        assertThat(out.files()).containsKeys(AwsGenerator.TEMPLATE, AwsGenerator.MANIFEST);
                        List<String> warnings = out.warnings();
                        assertThat(warnings)
                                .as("warnings")
                                .allMatch(w -> w.contains("close to CloudFormation's limit")
                                        || w.contains("uploads it to S3")
                                        || w.contains("outputs ARNs and URLs only"));
                        var stack =
                                AwsGenerator.build(s, format, AwsGenerator.packages(new GenerationContext(s, project)));
                        Map<String, Object> tree = stack.template().tree();
                        assertThat(IamWildcards.in(tree)).isEmpty();
                        assertThat(stack.template().resourceCount()).isLessThanOrEqualTo(StackLimits.RESOURCES);
                    }
                }));
    }
}
