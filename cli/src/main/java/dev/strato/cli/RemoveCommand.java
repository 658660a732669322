package dev.strato.cli;

import dev.strato.provider.RemoveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "remove",
        description = {
            "Delete the stage's stack and strato's artifact bucket of it.",
            "Tables and buckets are kept (and named) unless --include-data is given."
        })
final class RemoveCommand extends CloudCommand {

    @Option(names = "--include-data", description = "Also delete the service's tables and buckets, with their data.")
    boolean includeData;

    RemoveCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        RemoveResult r = context.provider().remove(includeData, context.progress());
        Console c = context.console();
        if (context.json()) {
            Json.print(c.out(), r);
            return ExitCodes.OK;
        }
        c.out()
                .println(
                        r.existed()
                                ? c.green("✓") + " Removed stack " + r.stack()
                                : "Stack " + r.stack() + " does not exist; nothing to delete");
        if (!r.keptData().isEmpty())
            c.out().println("Kept (use --include-data to delete them): " + String.join(", ", r.keptData()));
        if (!r.deletedData().isEmpty()) c.out().println("Deleted data: " + String.join(", ", r.deletedData()));
        c.out().flush();
        return ExitCodes.OK;
    }
}
