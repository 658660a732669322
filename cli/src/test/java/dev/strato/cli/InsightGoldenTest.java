package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The output of check, graph and cost for every example, against golden files under {@code golden/insight/<example>/}. */
class InsightGoldenTest {

    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static Stream<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("strato.yml"))).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Every example with every output the commands have: {@code golden name, command line}. */
    static Stream<Arguments> outputs() throws IOException {
        return examples().flatMap(e -> Stream.of(
                Arguments.of(e, "check.txt", "check"),
                Arguments.of(e, "check.json", "check --output json"),
                Arguments.of(e, "check.sarif", "check --output sarif")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("outputs")
    void outputIsAsWritten(String example, String golden, String command) throws Exception {
        CliRunner.Result r = new CliRunner(EXAMPLES.resolve(example)).run(command.split(" "));
        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCodes.OK, ExitCodes.FAILURE);
        assertThat(r.err()).as(r.toString()).doesNotContain("error:");
        Golden.check("insight/" + example + "/" + golden, r.out().replace(VersionProvider.version(), "VERSION"));
    }
}
