package dev.strato.cli;

import dev.strato.provider.ResourceChange;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "diff",
        description = {"What a deploy would change: the change set as a table (deleted again afterwards)."})
final class DiffCommand extends CloudCommand {

    @Option(names = "--exit-code", description = "Exit with 4 when there are changes, 0 when there are none.")
    boolean exitCode;

    /** The JSON report. */
    record Report(boolean changes, List<ResourceChange> rows) {}

    DiffCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        List<ResourceChange> rows = context.provider().diff(context.progress());
        Console c = context.console();
        if (context.json()) {
            Json.print(c.out(), new Report(!rows.isEmpty(), rows));
        } else if (rows.isEmpty()) {
            c.out().println("No changes.");
        } else {
            ChangeTable.print(c.out(), rows);
        }
        c.out().flush();
        return exitCode && !rows.isEmpty() ? ExitCodes.CHANGES_PRESENT : ExitCodes.OK;
    }
}
