package dev.strato.provider.aws;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.StackEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** deploy and diff: generate, upload what is missing, change set, execute, follow. */
final class StackDeployer {

    private static final String ARTIFACT_BUCKET_PARAMETER = "ArtifactBucket";

    private final AwsClients clients;
    private final StackInspector inspector;

    StackDeployer(AwsClients clients, StackInspector inspector) {
        this.clients = clients;
        this.inspector = inspector;
    }

    DeployResult deploy(GeneratedStack generated, boolean execute, ProgressListener progress) {
        StackManifest manifest = generated.manifest();
        String stackName = manifest.stackName();
        CloudFormationClient cfn = clients.cloudFormation();
        Stacks stacks = new Stacks(cfn, clients.settings());
        boolean newStack = prepare(stacks, stackName, progress);
        String bucket = ArtifactBucket.name(stackName, clients.accountId(), clients.region());
        if (ArtifactBucket.ensure(clients.s3(), bucket, clients.region())) progress.step("Created artifact bucket " + bucket);
        ArtifactUploader uploader = new ArtifactUploader(clients.s3(), bucket, clients.settings().uploadThreads());
        List<ArtifactUploader.Upload> uploads = new ArrayList<>();
        for (StackManifest.Artifact a : manifest.artifacts()) uploads.add(new ArtifactUploader.Upload(generated.file(a.file()), a.key(), a.bytes()));
        ArtifactUploader.Outcome sent = uploader.upload(uploads, progress);
        ChangeSets.Template template = StackTemplate.of(generated, () -> uploader, progress);
        progress.step("Creating change set for stack " + stackName);
        ChangeSets changeSets = new ChangeSets(cfn, clients.settings());
        ChangeSets.Created changeSet = changeSets.create(stackName, newStack, template, parameters(manifest, bucket), manifest.capabilities());
        if (!changeSet.hasChanges()) {
            return new DeployResult(stackName, false, false, null, sent.bytes(), sent.uploaded(), sent.skipped(), List.of(), Map.of(), null);
        }
        if (!execute) {
            return new DeployResult(stackName, true, false, changeSet.name(), sent.bytes(), sent.uploaded(), sent.skipped(), changeSet.rows(), Map.of(), null);
        }
        StackEventFollower follower = new StackEventFollower(cfn, stacks, clients.settings(), stackName);
        follower.skipExisting();
        progress.step("Executing change set " + changeSet.name() + " (" + changeSet.rows().size() + " changes)");
        changeSets.execute(changeSet);
        Optional<Stack> after = follower.follow(progress);
        String status = after.map(Stack::stackStatusAsString).orElse("DELETE_COMPLETE");
        if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
            throw failed(stackName, status, follower.failures());
        }
        var info = inspector.info(stackName);
        return new DeployResult(stackName, true, true, changeSet.name(), sent.bytes(), sent.uploaded(), sent.skipped(), changeSet.rows(), info.outputs(), info);
    }

    /** Gets the stack into a state a change set can start from; true when the change set must create it. */
    private boolean prepare(Stacks stacks, String stackName, ProgressListener progress) {
        Optional<Stack> current = stacks.describe(stackName);
        if (current.isPresent()) {
            current = stacks.awaitSettled(stackName, current.get(),
                    status -> progress.step("Stack " + stackName + " is " + status + " from another run; waiting for it to finish"));
        }
        if (current.isEmpty()) return true;
        String status = current.get().stackStatusAsString();
        switch (status) {
            case "REVIEW_IN_PROGRESS":
                progress.step("Stack " + stackName + " holds only a change set that was never executed; replacing it");
                StackRemover.deleteAndWait(clients.cloudFormation(), stacks, clients.settings(), stackName, progress, "deploy");
                return true;
            case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED":
                progress.step("Stack " + stackName + " is " + status + " after a failed first create; deleting it to create it again");
                StackRemover.deleteAndWait(clients.cloudFormation(), stacks, clients.settings(), stackName, progress, "deploy");
                return true;
            case "UPDATE_ROLLBACK_FAILED":
                throw new ProviderException("stack " + stackName + " is UPDATE_ROLLBACK_FAILED: fix or delete the resources its events name, then run"
                        + " 'aws cloudformation continue-update-rollback --stack-name " + stackName + "' (with --resources-to-skip for"
                        + " those that cannot be fixed) and deploy again");
            case "DELETE_FAILED":
                throw new ProviderException("stack " + stackName + " is DELETE_FAILED: run 'strato remove' again, or delete the resources its events name and then the stack");
            default:
                return false;
        }
    }

    static Map<String, String> parameters(StackManifest manifest, String bucket) {
        Map<String, String> parameters = new LinkedHashMap<>(manifest.parameters());
        parameters.put(ARTIFACT_BUCKET_PARAMETER, bucket);
        parameters.values().removeIf(java.util.Objects::isNull);
        return parameters;
    }

    private static ProviderException failed(String stackName, String status, List<StackEvent> failures) {
        List<String> lines = new ArrayList<>();
        for (StackEvent e : failures) {
            if (e.logicalId() == null || e.logicalId().equals(stackName)) continue;
            lines.add(e.logicalId() + " (" + e.type() + "): " + e.status() + ": " + (e.reason() == null ? "no reason given" : e.reason()));
        }
        return new ProviderException("deploy of stack " + stackName + " failed and was rolled back (" + status + ")"
                + (lines.isEmpty() ? "" : ": " + lines.size() + " failed " + (lines.size() == 1 ? "resource" : "resources") + " above"), lines);
    }
}
