package dev.strato.cli;

import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = {"Invoke a deployed function and print what it returns.", "A function error exits with 1 and its type and message."})
final class InvokeCommand extends CloudCommand {

    @Mixin FunctionOption function;

    @ArgGroup(exclusive = true)
    Payload payload;

    /** The event: inline, or from a file ('-' for stdin); an empty object when neither is given. */
    static final class Payload {
        @Option(names = "--data", paramLabel = "JSON", description = "The event as JSON.")
        String data;

        @Option(names = "--data-file", paramLabel = "FILE", description = "Read the event from FILE ('-': standard input).")
        Path file;
    }

    @Option(names = "--async", description = "Queue the event and return at once (Lambda's Event invocation).")
    boolean async;

    @Option(names = "--log", description = "Also print the tail of the function's execution log (stderr).")
    boolean log;

    /** The JSON report: the payload as JSON when it is JSON. */
    record Report(String function, int statusCode, Object payload, String error, String log) {}

    /** The event, read once. */
    private String cached;

    InvokeCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) throws IOException {
        Console c = context.console();
        String problem = function.problem(context.target());
        if (problem == null) problem = JsonInput.problem(event(context));
        if (problem != null) return context.refuse(problem);
        InvokeResult r = context.provider().invoke(new InvokeRequest(function.name, event(context).getBytes(StandardCharsets.UTF_8), async, log));
        if (r.logTail() != null) c.err().print(r.logTail());
        if (context.json()) {
            Json.print(c.out(), new Report(r.function(), r.statusCode(), JsonInput.parseOrText(r.payload()), r.error(), r.logTail()));
        } else if (!r.payload().isEmpty()) {
            c.out().println(r.payload());
        } else if (async) {
            c.out().println("Queued (HTTP " + r.statusCode() + ")");
        }
        c.out().flush();
        if (r.failed()) {
            c.err().println(c.red("error") + ": function " + r.function() + " failed: " + r.error());
            c.err().flush();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private String event(CloudContext context) throws IOException {
        if (cached != null) return cached;
        if (payload == null) cached = "{}";
        else if (payload.data != null) cached = payload.data;
        else if (payload.file.toString().equals("-")) cached = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        else cached = Files.readString(context.environment().workingDir().resolve(payload.file), StandardCharsets.UTF_8);
        return cached;
    }
}
