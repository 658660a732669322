package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.testing.Golden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact {@code --help} text of every command, colors off, against golden files under
 * {@code golden/help/}; {@code -Dstrato.golden.update=true} rewrites them like every other golden file.
 */
class HelpGoldenTest {

    static Stream<String> commands() {
        List<String> names = new ArrayList<>(List.of("strato"));
        names.addAll(Main.commandLine(new Environment(Map.of()), new String[0])
                .getSubcommands()
                .keySet());
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpIsAsWritten(String command) throws Exception {
        String[] args = command.equals("strato") ? new String[] {"--help"} : new String[] {command, "--help"};
        CliRunner.Result r = new CliRunner(Path.of(".")).run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("\u001B[");
        Golden.check("help/" + command + ".txt", r.out());
    }
}
