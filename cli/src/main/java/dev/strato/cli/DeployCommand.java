package dev.strato.cli;

import dev.strato.provider.DeployResult;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", r.stack());
            m.put("changes", r.changes());
            m.put("executed", r.executed());
            m.put("changeSet", r.changeSet());
            m.put("uploadedBytes", r.uploadedBytes());
            m.put("uploadedArtifacts", r.uploadedArtifacts());
            m.put("skippedArtifacts", r.skippedArtifacts());
            m.put("changeRows", ChangeTable.json(r.changeRows()));
            m.put("outputs", new java.util.TreeMap<>(r.outputs()));
            m.put("info", r.info() == null ? null : StackInfoPrinter.json(r.info()));
            Json.print(c.out(), m);
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
