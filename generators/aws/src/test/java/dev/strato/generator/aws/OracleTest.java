package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS oracles on every example and on random valid models of 1 to 50 functions (fixed
 * seeds; {@link PropertyTest} runs many more without the external tools), in both formats: cfn-lint (one process for all templates), the SAM translator (one
 * process for all SAM templates) with the translated stack compared to the plain one, no wildcard
 * IAM, and byte-identical output when generated twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OracleTest {

    /** cfn-lint takes about a second per template of 20 functions here, so a few models spread over 1 to 50 functions. */
    static final int RANDOM_MODELS = 10;

    record Case(String name, Service service, Path projectDir, Path plain, Path sam, Map<String, Object> plainTree) {}

    @TempDir
    static Path dir;

    final List<Case> cases = new ArrayList<>();

    @BeforeAll
    void generateEverything() throws Exception {
        long start = System.nanoTime();
        for (String example : Examples.names()) add(example, Examples.load(example), Examples.DIR.resolve(example));
        for (long seed = 1; seed <= RANDOM_MODELS; seed++) {
            Path project = dir.resolve("projects/random-" + seed);
            int functions = 1 + (int) ((seed - 1) * (RandomModels.MAX_FUNCTIONS - 1) / (RANDOM_MODELS - 1));
            Service s = Examples.load(RandomModels.write(seed, functions, project));
            add("random-" + seed + " (" + s.functions().size() + " functions)", s, project);
        }
        System.out.printf(
                "generated %d models in both formats in %.1f s%n", cases.size(), (System.nanoTime() - start) / 1e9);
    }

    private void add(String name, Service service, Path projectDir) throws Exception {
        Path out = dir.resolve("out/" + name.split(" ")[0]);
        Path[] templates = new Path[2];
        for (AwsFormat format : AwsFormat.values()) {
            OutputTree tree = Examples.generate(Examples.withFormat(service, format), projectDir);
            templates[format.ordinal()] = out.resolve(format.id() + ".yaml");
            Files.createDirectories(out);
            Files.write(templates[format.ordinal()], tree.files().get(AwsGenerator.TEMPLATE));
        }
        Service plain = Examples.withFormat(service, AwsFormat.CLOUDFORMATION);
        var stack = AwsGenerator.build(
                plain, AwsFormat.CLOUDFORMATION, AwsGenerator.packages(new GenerationContext(plain, projectDir)));
        cases.add(new Case(
                name,
                service,
                projectDir,
                templates[AwsFormat.CLOUDFORMATION.ordinal()],
                templates[AwsFormat.SAM.ordinal()],
                stack.template().tree()));
    }

    @TestFactory
    Stream<DynamicTest> cfnLintFindsNoErrorsOrWarnings() throws Exception {
        Path canary = dir.resolve("out/canary.yaml");
        Files.writeString(
                canary,
                "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs20.x\n");
        List<Path> all =
                cases.stream().flatMap(c -> Stream.of(c.plain(), c.sam())).toList();
        long start = System.nanoTime();
        List<CfnLint.Finding> lint =
                CfnLint.lint(dir, Stream.concat(all.stream(), Stream.of(canary)).toList());
        assertThat(lint)
                .as("cfn-lint reads the batch: a canary template with known errors")
                .anyMatch(f -> f.file().equals(canary));
        System.out.printf(
                "cfn-lint: %d templates in %.1f s, %d findings (%d informational)%n",
                all.size(),
                (System.nanoTime() - start) / 1e9,
                lint.size(),
                lint.stream().filter(f -> f.level().equals("Informational")).count());
        Map<Path, List<CfnLint.Finding>> findings = lint.stream()
                .filter(f -> !f.level().equals("Informational"))
                .collect(Collectors.groupingBy(CfnLint.Finding::file));
        return cases.stream()
                .flatMap(c -> Stream.of(c.plain(), c.sam())
                        .map(t -> DynamicTest.dynamicTest(
                                c.name() + " " + t.getFileName(),
                                () -> assertThat(findings.getOrDefault(t, List.of()))
                                        .as("cfn-lint errors and warnings")
                                        .isEmpty())));
    }

    @TestFactory
    Stream<DynamicTest> samTranslatesToTheSameStackAsThePlainTemplate() throws Exception {
        long start = System.nanoTime();
        Map<Path, SamTranslator.Result> translated =
                SamTranslator.translate(cases.stream().map(Case::sam).toList());
        System.out.printf(
                "SAM translator: %d templates in %.1f s%n", translated.size(), (System.nanoTime() - start) / 1e9);
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    SamTranslator.Result r = translated.get(c.sam());
                    assertThat(r.error()).as("SAM translator").isNull();
                    assertThat(IamWildcards.in(r.template()))
                            .as("wildcard IAM after SAM translation")
                            .isEmpty();
                    Map<String, Object> expected = StackFacts.of(c.plainTree());
                    Map<String, Object> actual = StackFacts.of(r.template());
                    for (String key : expected.keySet()) {
                        assertThat(Trees.json(actual.get(key))).as(key).isEqualTo(Trees.json(expected.get(key)));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> noWildcardIamAndByteStableOutput() {
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    assertThat(IamWildcards.in(c.plainTree())).isEmpty();
                    for (AwsFormat format : AwsFormat.values()) {
                        Service s = Examples.withFormat(c.service(), format);
                        Map<String, byte[]> first =
                                Examples.generate(s, c.projectDir()).files();
                        Map<String, byte[]> second =
                                Examples.generate(s, c.projectDir()).files();
                        assertThat(second.keySet()).isEqualTo(first.keySet());
                        first.forEach((path, bytes) ->
                                assertThat(second.get(path)).as(path).isEqualTo(bytes));
                    }
                }));
    }
}
