package dev.strato.cli;

import dev.strato.model.LoadResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "invoke", mixinStandardHelpOptions = true,
        description = "Run a function. --local: its portable handler on this machine with a neutral event built from its trigger and --data.")
final class InvokeCommand extends ModelCommand {

    @Option(names = {"-f", "--function"}, required = true, paramLabel = "NAME", description = "The function to invoke.")
    String function;

    @Option(names = "--data", paramLabel = "DATA", description = "The event's data: the HTTP body, a message body (a JSON array: several), a schedule's input, ...")
    String data;

    @Option(names = "--data-file", paramLabel = "FILE", description = "The data from a file (- for stdin); without --data or --data-file, piped stdin is read.")
    Path dataFile;

    @Mixin LocalInvokeOptions localOptions;
    @Mixin OutputOption output;

    InvokeCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) throws Exception {
        if (!localOptions.local) {
            session.console().err().println("error: only local invoke is available here: add --local to run the handler on this machine");
            return ExitCodes.USAGE;
        }
        return new LocalInvokeCommandSupport(session, environment, global.stacktrace, output.json())
                .run(result, function, data, dataFile, localOptions);
    }
}
