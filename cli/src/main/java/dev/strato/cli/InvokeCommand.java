package dev.strato.cli;

import dev.strato.model.LoadResult;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "invoke",
        description = {
            "Invoke a deployed function and print what it returns; a function error exits with 1 and its type and message.",
            "--local: run its portable handler on this machine with a neutral event built from its trigger and the data."
        })
final class InvokeCommand extends CloudCommand {

    @Mixin
    FunctionOption function;

    @Mixin
    InvokeData data;

    @Mixin
    LocalInvokeOptions localOptions;

    @Option(
            names = "--async",
            description = "Deployed: queue the event and return at once (Lambda's Event invocation).")
    boolean async;

    @Option(names = "--log", description = "Deployed: also print the tail of the function's execution log (stderr).")
    boolean log;

    @Option(
            names = "--file",
            paramLabel = "PATH",
            description = "Deployed, a function of bucket uploads (GCP): upload this file to its bucket.")
    java.nio.file.Path file;

    /** The JSON report: the payload as JSON when it is JSON. */
    record Report(String function, int statusCode, Object payload, String error, String log) {}

    InvokeCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) throws Exception {
        if (!localOptions.local) return super.run(session, result);
        byte[] bytes;
        try {
            bytes = data.bytes(environment);
        } catch (InvokeData.Problem e) {
            throw CommandException.usage(e.getMessage());
        }
        return new LocalInvokeCommandSupport(session, environment, session.stacktrace(), output.json())
                .run(result, function.name, bytes, localOptions);
    }

    @Override
    int run(CloudContext context) throws Exception {
        Console c = context.console();
        String problem = function.problem(context.target());
        if (problem != null) return context.refuse(problem);
        String event;
        try {
            byte[] bytes = data.bytes(environment);
            event = bytes == null ? "{}" : new String(bytes, StandardCharsets.UTF_8);
        } catch (InvokeData.Problem e) {
            return context.refuse(e.getMessage());
        }
        problem = JsonInput.problem(event);
        if (problem != null) return context.refuse(problem);
        if (file != null && !java.nio.file.Files.isReadable(file))
            return context.refuse("--file " + file + ": no such file");
        InvokeResult r = context.provider()
                .invoke(new InvokeRequest(function.name, event.getBytes(StandardCharsets.UTF_8), async, log, file));
        if (r.logTail() != null) c.err().print(r.logTail());
        if (context.json()) {
            Json.print(
                    c.out(),
                    new Report(
                            r.function(), r.statusCode(), JsonInput.parseOrText(r.payload()), r.error(), r.logTail()));
        } else if (!r.payload().isEmpty()) {
            c.out().println(r.payload());
        } else if (async) {
            c.out().println("Queued (HTTP " + r.statusCode() + ")");
        }
        c.out().flush();
        if (r.failed()) throw CommandException.failure("function " + r.function() + " failed: " + r.error());
        return ExitCodes.OK;
    }
}
