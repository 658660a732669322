package dev.strato.cli;

import dev.strato.provider.DeployResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy",
        description = {"Generate, upload the packages that are not there yet, and apply the stack's change set.",
            "With no change, says so and touches nothing."})
final class DeployCommand extends CloudCommand {

    @Option(names = "--no-execute", description = "Create the change set and leave it for review.")
    boolean noExecute;

    DeployCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(CloudContext context) {
        DeployResult r = context.provider().deploy(!noExecute, context.progress());
        Console c = context.console();
        if (context.json()) {
            Json.print(c.out(), r);
            return ExitCodes.OK;
        }
        String artifacts = "Artifacts: " + r.uploadedArtifacts() + " uploaded (" + r.uploadedBytes() + " bytes), " + r.skippedArtifacts() + " unchanged";
        c.out().println(artifacts);
        if (!r.changes()) {
            c.out().println("No changes. Stack " + r.stack() + " is up to date.");
        } else if (!r.executed()) {
            ChangeTable.print(c.out(), r.changeRows());
            c.out().println("Change set " + r.changeSet() + " of stack " + r.stack() + " is left for review (" + r.changeRows().size() + " changes).");
        } else {
            c.out().println(c.green("✓") + " Deployed stack " + r.stack() + " (" + r.changeRows().size() + " changes)");
            StackInfoPrinter.print(c, r.info());
        }
        c.out().flush();
        return ExitCodes.OK;
    }
}
