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
        // help's colors follow --no-color as parsed (it is inherited, so it may stand after the subcommand)
        cl.setExecutionStrategy(parsed -> {
            boolean color = Console.useColor(environment, ErrorReporter.matched(parsed, "--no-color"));
            cl.setColorScheme(
                    CommandLine.Help.defaultColorScheme(color ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
            return new CommandLine.RunLast().execute(parsed);
        });
        ErrorReporter errors = new ErrorReporter(environment);
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(errors);
        return cl;
    }
}
