package dev.strato.cli;

import dev.strato.provider.DeployResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "deploy",
        description = {
            "Generate, upload the packages that are not there yet, and apply the stack's change set.",
            "With no change, says so and touches nothing."
        })
final class DeployCommand extends CloudCommand {

    @Option(names = "--no-execute", description = "Create the change set and leave it for review.")
    boolean noExecute;

    @Option(
            names = "--allow-data-changes",
            description = "Go on when the change set removes or replaces a table, bucket or queue"
                    + " (otherwise: a yes on a terminal, or stop).")
    boolean allowDataChanges;

    DeployCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        Console c = context.console();
        DeployResult r;
        try {
            r = context.provider().deploy(!noExecute, allowDataChanges, context.progress());
        } catch (dev.strato.provider.DataChangesRefused refused) {
            if (context.json() || !Console.isTerminal(context.environment()) || !confirmed(c, refused)) throw refused;
            r = context.provider().deploy(!noExecute, true, context.progress());
        }
        if (context.json()) {
            Json.print(c.out(), r);
            return ExitCodes.OK;
        }
        String artifacts = "Artifacts: " + r.uploadedArtifacts() + " uploaded (" + r.uploadedBytes() + " bytes), "
                + r.skippedArtifacts() + " unchanged";
        c.out().println(artifacts);
        if (!r.changes()) {
            c.out().println("No changes. Stack " + r.stack() + " is up to date.");
        } else if (!r.executed()) {
            ChangeTable.print(c.out(), r.changeRows());
            c.out()
                    .println("Change set " + r.changeSet() + " of stack " + r.stack() + " is left for review ("
                            + r.changeRows().size() + " changes).");
        } else {
            c.out()
                    .println(c.green("✓") + " Deployed stack " + r.stack() + " ("
                            + r.changeRows().size() + " changes)");
            StackInfoPrinter.print(c, r.info());
        }
        c.out().flush();
        return ExitCodes.OK;
    }

    /** On a terminal: the rows that lose data, and an explicit "yes" to go on. */
    private static boolean confirmed(Console c, dev.strato.provider.DataChangesRefused refused) {
        ChangeTable.print(c.out(), refused.rows());
        c.out().print(c.red("This deploy removes or replaces stored data.") + " Type yes to go on: ");
        c.out().flush();
        try {
            String answer = new java.io.BufferedReader(
                            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
