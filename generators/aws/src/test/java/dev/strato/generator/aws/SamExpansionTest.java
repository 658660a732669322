package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudFormation's 500-resource limit applies after the SAM transform: the count strato checks
 * must be the translator's (a SAM service of 301 resources became 602).
 */
class SamExpansionTest {

    @TempDir
    Path dir;

    @Test
    void theResourceCountCheckedIsTheCountAfterTheSamTransform() throws Exception {
        Map<Path, Integer> estimated = new LinkedHashMap<>();
        List<Path> templates = new ArrayList<>();
        for (String example : Examples.names()) {
            Service sam = Examples.withFormat(Examples.load(example), AwsFormat.SAM);
            var stack = AwsGenerator.build(
                    sam,
                    AwsFormat.SAM,
                    AwsGenerator.packages(new GenerationContext(sam, Examples.DIR.resolve(example))));
            Path file = dir.resolve(example + ".yaml");
            Files.writeString(file, TemplateYaml.write(stack.template().tree()));
            templates.add(file);
            estimated.put(file, StackLimits.expanded(stack.template().tree()));
            assertThat(StackLimits.expanded(stack.template().tree()))
                    .as(example)
                    .isGreaterThan(stack.template().resourceCount());

            Service plain = Examples.withFormat(Examples.load(example), AwsFormat.CLOUDFORMATION);
            var cfn = AwsGenerator.build(
                    plain,
                    AwsFormat.CLOUDFORMATION,
                    AwsGenerator.packages(new GenerationContext(plain, Examples.DIR.resolve(example))));
            assertThat(StackLimits.expanded(cfn.template().tree()))
                    .as(example + " plain")
                    .isEqualTo(cfn.template().resourceCount());
        }
        Map<Path, SamTranslator.Result> translated = SamTranslator.translate(templates);
        for (Path t : templates) {
            SamTranslator.Result r = translated.get(t);
            assertThat(r.error()).as(t.getFileName().toString()).isNull();
            assertThat(estimated.get(t))
                    .as(t.getFileName().toString())
                    .isEqualTo(Trees.map(r.template().get("Resources")).size());
        }
    }
}
