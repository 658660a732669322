package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.packaging.Packages;
import dev.strato.generator.testing.Tools;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which functions get the adapter, what their Handler and schedule Input become, in both formats. */
class LambdaAdapterWiringTest {

    @TempDir
    Path dir;

    private Service model(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.js"), "exports.main = async () => ({});\n");
        Files.writeString(dir.resolve("src/b.py"), "def main(event, ctx):\n    return None\n");
        Files.writeString(
                dir.resolve("strato.yml"), "service: demo\nproviders: { aws: { region: eu-west-1 } }\n" + yaml);
        return Examples.load(dir.resolve("strato.yml"));
    }

    private Map<String, Object> properties(Service s, AwsFormat format, String resource, Path projectDir)
            throws Exception {
        Service f = Examples.withFormat(s, format);
        var tree = AwsGenerator.build(f, format, AwsGenerator.packages(new GenerationContext(f, projectDir)))
                .template()
                .tree();
        @SuppressWarnings("unchecked")
        var resources = (Map<String, Map<String, Object>>) tree.get("Resources");
        @SuppressWarnings("unchecked")
        var props = (Map<String, Object>) resources.get(resource).get("Properties");
        return props;
    }

    @Test
    void portableFunctionsNameTheEntryInBothFormatsAndNativeOnesKeepTheirHandler() throws Exception {
        Service s = model("""
                functions:
                  create-order: { handler: src/a.main, runtime: nodejs22 }
                  class: { handler: src/b.main, runtime: python3.12 }
                  then: { handler: src/a.main, runtime: nodejs22 }
                  legacy: { handler: src/a.main, runtime: nodejs22, adapter: native }
                """);
        for (AwsFormat format : AwsFormat.values()) {
            assertThat(properties(s, format, "CreateOrderFunction", dir).get("Handler"))
                    .isEqualTo("strato/aws-entry.create_order");
            assertThat(properties(s, format, "ClassFunction", dir).get("Handler"))
                    .isEqualTo("strato_adapter.aws_entry.class_");
            assertThat(properties(s, format, "ThenFunction", dir).get("Handler"))
                    .isEqualTo("strato/aws-entry.then_");
            assertThat(properties(s, format, "LegacyFunction", dir).get("Handler"))
                    .isEqualTo("src/a.main");
        }
        Packages packages = AwsGenerator.packages(new GenerationContext(s, dir));
        assertThat(packages.of("create-order").entries())
                .contains("strato/core.mjs", "strato/aws.mjs", "strato/aws-entry.mjs")
                .noneMatch(e -> e.startsWith("strato_adapter/"));
        assertThat(packages.of("class").entries())
                .contains(
                        "strato_adapter/__init__.py",
                        "strato_adapter/core.py",
                        "strato_adapter/aws.py",
                        "strato_adapter/aws_entry.py")
                .noneMatch(e -> e.startsWith("strato/"));
        assertThat(packages.of("legacy").entries()).containsExactly("src/a.js", "src/b.py");
    }

    @Test
    void aSharedPackageHasEveryFunctionInItsEntry() throws Exception {
        Service s = model("""
                package: { individually: false }
                functions:
                  one: { handler: src/a.main, runtime: nodejs22 }
                  adapt: { handler: src/a.main, runtime: nodejs22 }
                  three: { handler: src/b.main, runtime: python3.12 }
                """);
        Packages packages = AwsGenerator.packages(new GenerationContext(s, dir));
        assertThat(packages.distinct()).hasSize(1);
        Path root = dir.resolve("unpacked");
        LambdaPackage.unzip(packages.of("one").bytes(), root);
        assertThat(Files.readString(root.resolve("strato/aws-entry.mjs"), StandardCharsets.UTF_8))
                .contains("export const one = _adapt(", "export const adapt = _adapt(", "module: \"src/a.js\"")
                .doesNotContain("three");
        assertThat(Files.readString(root.resolve("strato_adapter/aws_entry.py"), StandardCharsets.UTF_8))
                .contains("three = _adapt(", "module=\"src.b\"", "kinds=[]")
                .doesNotContain("one =");
    }

    @Test
    void entriesWithFunctionNamesThatAreKeywordsOrImportNamesLoad() throws Exception {
        Service s = model("""
                package: { individually: false }
                functions:
                  adapt: { handler: src/a.main, runtime: nodejs22 }
                  import: { handler: src/a.main, runtime: nodejs22 }
                  then: { handler: src/a.main, runtime: nodejs22 }
                  my-fn: { handler: src/a.main, runtime: nodejs22 }
                  class: { handler: src/b.main, runtime: python3.12 }
                  None: { handler: src/b.main, runtime: python3.12 }
                  adapt2: { handler: src/b.main, runtime: python3.12 }
                """);
        Path root = dir.resolve("loaded");
        LambdaPackage.unzip(
                AwsGenerator.packages(new GenerationContext(s, dir)).of("adapt").bytes(), root);
        run(
                root,
                Tools.require("node").toString(),
                "--input-type=module",
                "-e",
                "const m = await import('./strato/aws-entry.mjs'); for (const n of ['adapt', 'import_', 'then_', 'my_fn'])"
                        + " if (typeof m[n] !== 'function') throw new Error(n);");
        run(
                root,
                Tools.require("python3").toString(),
                "-c",
                "import strato_adapter.aws_entry as m; assert all(callable(getattr(m, n)) for n in ('class_', 'None_', 'adapt2'))");
    }

    private static void run(Path cwd, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void aPortableScheduleDeliversTheNeutralEventWithSchedulersTimeANativeOneItsInput() throws Exception {
        Service s = model("""
                functions:
                  nightly:
                    handler: src/a.main
                    events: [ { schedule: { rate: 1h, input: { lookbackHours: 24 } } } ]
                  legacy:
                    handler: src/a.main
                    adapter: native
                    events: [ { schedule: { rate: 1h, input: { lookbackHours: 24 } } } ]
                """);
        assertThat(((Map<?, ?>) properties(s, AwsFormat.CLOUDFORMATION, "NightlySchedule", dir)
                                .get("Target"))
                        .get("Input"))
                .isEqualTo(
                        "{\"kind\":\"schedule\",\"time\":\"<aws.scheduler.scheduled-time>\",\"input\":{\"lookbackHours\":24}}");
        assertThat(((Map<?, ?>) properties(s, AwsFormat.CLOUDFORMATION, "LegacySchedule", dir)
                                .get("Target"))
                        .get("Input"))
                .isEqualTo("{\"lookbackHours\":24}");
    }
}
