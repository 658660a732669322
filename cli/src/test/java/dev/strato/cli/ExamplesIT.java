package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every example validates for all three providers, and its handlers' own tests pass on the real runtime. */
class ExamplesIT {

    static final Path EXAMPLES = CommandsTest.ROOT.resolve("examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("strato.yml")))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> examplesValidateForEveryProvider() throws IOException {
        assertThat(examples())
                .extracting(p -> p.getFileName().toString())
                .contains("hello-http", "thumbnails", "orders", "users-crud");
        return examples().stream()
                .map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
                    CliRunner.Result r = new CliRunner(example).run("validate", "--provider", "all");
                    assertThat(r.exitCode()).as(r.toString()).isZero();
                    assertThat(r.out()).startsWith("✓ strato.yml is valid for aws, azure, gcp");
                    assertThat(r.err())
                            .as("no errors, and every handler file exists")
                            .doesNotContain("error:")
                            .doesNotContain("handler file");
                }));
    }

    @TestFactory
    Stream<DynamicTest> handlerTestsPass() throws IOException {
        return examples().stream()
                .map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
                    boolean node = Files.exists(example.resolve("package.json"));
                    List<String> command = node
                            ? List.of(Tools.require("node").toString(), "--test")
                            : List.of(Tools.require("python3").toString(), "-m", "unittest", "discover", "-s", "tests");
                    Process p = new ProcessBuilder(command)
                            .directory(example.toFile())
                            .redirectErrorStream(true)
                            .start();
                    String output = new String(p.getInputStream().readAllBytes());
                    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    assertThat(p.exitValue()).as(output).isZero();
                }));
    }
}
