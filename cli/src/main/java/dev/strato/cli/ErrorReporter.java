package dev.strato.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and one {@code error:} line on stderr: a
 * {@link CommandException} by its code, a parse error as usage, anything else as a failure.
 * {@code --stacktrace} (read from the parse result) adds the stack trace.
 */
final class ErrorReporter
        implements CommandLine.IExecutionExceptionHandler,
                CommandLine.IParameterExceptionHandler,
                CommandLine.IExitCodeExceptionMapper {

    private final Environment environment;

    ErrorReporter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof CommandException c) return c.exitCode();
        if (e instanceof CommandLine.ParameterException) return ExitCodes.USAGE;
        return ExitCodes.FAILURE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        PrintWriter err = line.getErr();
        boolean stacktrace = matched(parsed, "--stacktrace");
        Console console = new Console(line.getOut(), err, Console.useColor(environment, matched(parsed, "--no-color")));
        if (e instanceof CommandException c) {
            for (String detail : c.details()) err.println("  " + detail);
            err.println(
                    (c.location() == null ? "" : c.location() + ": ") + console.red("error") + ": " + c.getMessage());
            if (c.trailer() != null) err.println(c.trailer());
            if (stacktrace && c.getCause() != null) c.getCause().printStackTrace(err);
        } else if (stacktrace) {
            e.printStackTrace(err);
        } else {
            err.println(console.red("error") + ": " + describe(e));
        }
        err.flush();
        return getExitCode(e);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return getExitCode(e);
    }

    /** Whether {@code option} was given on the command or any of its subcommands (it is inherited by all). */
    static boolean matched(ParseResult parsed, String option) {
        for (ParseResult r = parsed; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(option)) return true;
        }
        return false;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof NoSuchFileException) return "no such file: " + message;
        if (e instanceof AccessDeniedException) return "permission denied: " + message;
        if (e instanceof FileAlreadyExistsException) return "already exists: " + message;
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
