package dev.strato.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: builds the command line and runs it. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.getenv());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command in-process; what tests call. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cl = commandLine(new Environment(environment), args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine(Environment environment, String[] args) {
        CommandLine cl = new CommandLine(new StratoCommand(), new CommandFactory(environment));
        for (Class<?> subcommand : StratoCommand.subcommandsFor(args)) cl.addSubcommand(subcommand);
        boolean stacktrace = java.util.Arrays.asList(args).contains("--stacktrace");
        boolean color = Console.useColor(environment, java.util.Arrays.asList(args).contains("--no-color"));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (stacktrace) e.printStackTrace(err);
            else err.println("error: " + describe(e));
            err.flush();
            return ExitCodes.FAILURE;
        });
        cl.setParameterExceptionHandler((e, params) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file: " + message;
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + message;
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "already exists: " + message;
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
