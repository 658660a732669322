package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The options every command has are the top command's, inherited: they work before and after the command name. */
class InheritedOptionsTest {

    @Test
    void verboseWorksOnEitherSideOfTheCommand() {
        for (String[] args : new String[][] {{"-v", "validate"}, {"validate", "--verbose"}}) {
            CliRunner.Result r = new CliRunner(CommandsTest.ORDERS).run(args);
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).as(String.join(" ", args)).contains("strato: loaded");
        }
        assertThat(new CliRunner(CommandsTest.ORDERS).run("validate").err()).doesNotContain("strato: loaded");
    }

    @Test
    void noColorIsReadFromTheParseResultWhereverItStands() {
        CliRunner forced =
                new CliRunner(CommandsTest.ORDERS).env("NO_COLOR", "").env("STRATO_FORCE_COLOR", "1");
        assertThat(forced.run("validate", "--help").out()).contains("\u001B[");
        assertThat(forced.run("validate", "--help", "--no-color").out()).doesNotContain("\u001B[");
        assertThat(forced.run("--no-color", "validate", "--help").out()).doesNotContain("\u001B[");
        CliRunner.Result refused = forced.run("init", "--template", "nope", "--no-color");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).startsWith("error: unknown template 'nope'").doesNotContain("\u001B[");
        assertThat(forced.run("init", "--template", "nope").err())
                .contains("\u001B[31;1merror\u001B[0m: unknown template");
    }

    @Test
    void everyCommandHasHelpAndNoneRedeclaresTheGlobalOptions() {
        var top = Main.commandLine(new Environment(java.util.Map.of()), new String[0]);
        top.getSubcommands().forEach((name, sub) -> {
            assertThat(sub.getCommandSpec().findOption("--help"))
                    .as(name + " --help")
                    .isNotNull();
            for (String option : new String[] {"--verbose", "--stacktrace", "--no-color"}) {
                assertThat(sub.getCommandSpec().findOption(option))
                        .as(name + " " + option)
                        .isNotNull();
                assertThat(sub.getCommandSpec().findOption(option).inherited())
                        .as(name + " " + option + " is inherited")
                        .isTrue();
            }
        });
    }
}
