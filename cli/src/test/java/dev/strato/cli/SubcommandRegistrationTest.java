package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Main registers only the named subcommand when it works alone: the outcome must not differ from the full tree. */
class SubcommandRegistrationTest {

    @TempDir
    Path dir;

    @Test
    void standaloneNamesAreTheCommandNamesOfTheirClasses() {
        StratoCommand.STANDALONE.forEach((name, type) -> {
            assertThat(type.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name);
            assertThat(StratoCommand.SUBCOMMANDS).contains(type);
        });
    }

    @Test
    void helpAndCompletionStillSeeEveryCommand() {
        Map<String, String> env = Map.of("STRATO_WORKDIR", dir.toString(), "NO_COLOR", "1");
        for (String[] args : new String[][] {{}, {"--help"}, {"help"}, {"completion", "bash"}, {"valdate"}}) {
            assertThat(Main.commandLine(new Environment(env), args)
                            .getSubcommands()
                            .keySet())
                    .containsExactly(
                            "validate",
                            "print",
                            "generate",
                            "deploy",
                            "diff",
                            "info",
                            "invoke",
                            "logs",
                            "remove",
                            "init",
                            "import",
                            "check",
                            "graph",
                            "cost",
                            "schema",
                            "completion",
                            "help");
        }
        assertThat(new CliRunner(dir).run("--help").out())
                .contains(
                        "validate",
                        "print",
                        "generate",
                        "deploy",
                        "diff",
                        "info",
                        "invoke",
                        "logs",
                        "remove",
                        "init",
                        "schema",
                        "completion");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate --help",
                "validate --bogus",
                "validate -c missing.yml",
                "validate --provider awz",
                "print -h",
                "print --output xml",
                "generate --help",
                "invoke --help",
                "invoke -f nope",
                "init --help",
                "import --help",
                "import --bogus",
                "schema --help",
                "schema --bogus"
            })
    void sameOutcomeAsWithEveryCommandRegistered(String line) {
        String[] args = line.split(" ");
        Map<String, String> env =
                Map.of("STRATO_WORKDIR", dir.toString(), "STRATO_TODAY", CliRunner.TODAY, "NO_COLOR", "1");
        assertThat(Main.commandLine(new Environment(env), args).getSubcommands())
                .hasSize(1);
        CliRunner.Result lazy = new CliRunner(dir).run(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine full = Main.commandLine(new Environment(env), new String[0]);
        full.setOut(new PrintWriter(out, true));
        full.setErr(new PrintWriter(err, true));
        int code = full.execute(args);
        assertThat(new CliRunner.Result(code, out.toString(), err.toString())).isEqualTo(lazy);
    }
}
