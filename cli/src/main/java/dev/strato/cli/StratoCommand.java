package dev.strato.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command. Its subcommands are registered by {@link Main}: all of them, or, when the
 * command line starts with the exact name of a command that needs no siblings, only that one
 * (picocli reflects over every registered command at start-up; see docs/PERFORMANCE.md).
 */
@Command(
        name = "strato",
        // help (-h) and version (-V) on every command: subcommands inherit this command's attributes
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "One provider-neutral strato.yml for serverless services on AWS, Azure and GCP.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.LIST_OK,
            ExitCodes.LIST_FAILURE,
            ExitCodes.LIST_USAGE,
            ExitCodes.LIST_INVALID_MODEL,
            ExitCodes.LIST_CHANGES_PRESENT
        })
final class StratoCommand implements Runnable {

    // The options of every command, declared once: picocli copies an inherited option into each
    // subcommand and sets this field, whichever command it follows on the command line.

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Say more about what happens.")
    boolean verbose;

    @Option(
            names = "--stacktrace",
            scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean stacktrace;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colors (also: NO_COLOR=1).")
    boolean noColor;

    /** The top command of the command line {@code spec} belongs to, with the inherited options' values. */
    static StratoCommand of(CommandSpec spec) {
        return (StratoCommand) spec.root().userObject();
    }

    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ValidateCommand.class,
            PrintCommand.class,
            GenerateCommand.class,
            DeployCommand.class,
            DiffCommand.class,
            InfoCommand.class,
            InvokeCommand.class,
            LogsCommand.class,
            RemoveCommand.class,
            InitCommand.class,
            ImportCommand.class,
            CheckCommand.class,
            GraphCommand.class,
            CostCommand.class,
            SchemaCommand.class,
            CompletionCommand.class,
            picocli.CommandLine.HelpCommand.class);

    /** Commands that work alone, by their {@code @Command} name; completion and help read the whole command tree. */
    static final Map<String, Class<?>> STANDALONE = Map.of(
            "validate",
            ValidateCommand.class,
            "print",
            PrintCommand.class,
            "generate",
            GenerateCommand.class,
            "invoke",
            InvokeCommand.class,
            "init",
            InitCommand.class,
            "import",
            ImportCommand.class,
            "schema",
            SchemaCommand.class,
            "check",
            CheckCommand.class,
            "graph",
            GraphCommand.class);
    // the other cloud commands are registered with all the others: a network call dwarfs picocli's reflection

    @Spec
    CommandSpec spec;

    /** The subcommands to register for {@code args}. */
    static List<Class<?>> subcommandsFor(String[] args) {
        Class<?> alone = args.length > 0 ? STANDALONE.get(args[0]) : null;
        return alone != null ? List.of(alone) : SUBCOMMANDS;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
