package dev.strato.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "strato",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One provider-neutral strato.yml for serverless services on AWS, Azure and GCP.",
        subcommands = {
            ValidateCommand.class, PrintCommand.class, GenerateCommand.class, InitCommand.class,
            SchemaCommand.class, CompletionCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage, 3 invalid strato.yml."})
final class StratoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
