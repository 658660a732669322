package dev.strato.provider.aws;

import dev.strato.provider.DataChangesRefused;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ResourceChange;
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

    DeployResult deploy(
            GeneratedStack generated, boolean execute, boolean allowDataChanges, ProgressListener progress) {
        StackManifest manifest = generated.manifest();
        String stackName = manifest.stackName();
        CloudFormationClient cfn = clients.cloudFormation();
        Stacks stacks = new Stacks(cfn, clients.settings());
        boolean newStack = prepare(stacks, stackName, progress);
        ArtifactBucket artifacts = ArtifactBucket.of(clients, stackName);
        String bucket = artifacts.name();
        if (artifacts.ensure()) progress.step("Created artifact bucket " + bucket);
        ArtifactUploader uploader =
                new ArtifactUploader(clients.s3(), artifacts, clients.settings().uploadThreads());
        List<ArtifactUploader.Upload> uploads = new ArrayList<>();
        for (StackManifest.Artifact a : manifest.artifacts())
            uploads.add(new ArtifactUploader.Upload(generated.file(a.file()), a.key(), a.bytes()));
        ArtifactUploader.Outcome sent = uploader.upload(uploads, progress);
        ChangeSets.Template template = StackTemplate.of(generated, clients, newStack, () -> uploader, progress);
        progress.step("Creating change set for stack " + stackName);
        ChangeSets changeSets = new ChangeSets(cfn, clients.settings());
        ChangeSets.Created changeSet =
                changeSets.create(stackName, newStack, template, parameters(manifest, bucket), manifest.capabilities());
        if (!changeSet.hasChanges()) {
            return new DeployResult(
                    stackName,
                    false,
                    false,
                    null,
                    sent.bytes(),
                    sent.uploaded(),
                    sent.skipped(),
                    List.of(),
                    Map.of(),
                    null);
        }
        if (!execute) {
            return new DeployResult(
                    stackName,
                    true,
                    false,
                    changeSet.name(),
                    sent.bytes(),
                    sent.uploaded(),
                    sent.skipped(),
                    changeSet.rows(),
                    Map.of(),
                    null);
        }
        List<ResourceChange> data =
                changeSet.rows().stream().filter(ResourceChange::losesData).toList();
        if (!data.isEmpty() && !allowDataChanges) {
            changeSets.delete(stackName, changeSet.name());
            throw refused(stackName, data);
        }
        StackEventFollower follower = new StackEventFollower(cfn, stacks, clients.settings(), stackName);
        follower.skipExisting();
        progress.step("Executing change set " + changeSet.name() + " ("
                + changeSet.rows().size() + " changes)");
        changeSets.execute(changeSet);
        Optional<Stack> after = follower.follow(progress);
        String status = after.map(Stack::stackStatusAsString).orElse("DELETE_COMPLETE");
        PackageRetention retention = new PackageRetention(clients.s3(), artifacts);
        if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
            retain(progress, () -> retention.abandoned(new java.util.LinkedHashSet<>(sent.sentKeys())));
            throw failed(stackName, status, follower.failures());
        }
        retain(progress, () -> retention.released(releaseKeys(manifest)));
        var info = inspector.info(stackName);
        return new DeployResult(
                stackName,
                true,
                true,
                changeSet.name(),
                sent.bytes(),
                sent.uploaded(),
                sent.skipped(),
                changeSet.rows(),
                info.outputs(),
                info);
    }

    /** Gets the stack into a state a change set can start from; true when the change set must create it. */
    private boolean prepare(Stacks stacks, String stackName, ProgressListener progress) {
        Optional<Stack> current = stacks.describe(stackName);
        if (current.isPresent()) {
            current = stacks.awaitSettled(
                    stackName,
                    current.get(),
                    status -> progress.step(
                            "Stack " + stackName + " is " + status + " from another run; waiting for it to finish"));
        }
        if (current.isEmpty()) return true;
        String status = current.get().stackStatusAsString();
        switch (status) {
            case "REVIEW_IN_PROGRESS":
                progress.step("Stack " + stackName + " holds only a change set that was never executed; replacing it");
                StackRemover.deleteAndWait(
                        clients.cloudFormation(), stacks, clients.settings(), stackName, progress, "deploy");
                return true;
            case "ROLLBACK_COMPLETE", "ROLLBACK_FAILED":
                progress.step("Stack " + stackName + " is " + status
                        + " after a failed first create; deleting it to create it again");
                StackRemover.deleteAndWait(
                        clients.cloudFormation(), stacks, clients.settings(), stackName, progress, "deploy");
                return true;
            case "UPDATE_ROLLBACK_FAILED":
                throw new ProviderException("stack " + stackName
                        + " is UPDATE_ROLLBACK_FAILED: fix or delete the resources its events name, then run"
                        + " 'aws cloudformation continue-update-rollback --stack-name " + stackName
                        + "' (with --resources-to-skip for"
                        + " those that cannot be fixed) and deploy again");
            case "DELETE_FAILED":
                throw new ProviderException(
                        "stack " + stackName
                                + " is DELETE_FAILED: run 'strato remove' again, or delete the resources its events name and then the stack");
            default:
                return false;
        }
    }

    /** The objects a release reads from the artifact bucket: its packages and, past the inline limit, its template. */
    private static java.util.Set<String> releaseKeys(StackManifest manifest) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        manifest.artifacts().forEach(a -> keys.add(a.key()));
        if (manifest.uploadTemplate()) keys.add(StackTemplate.key(manifest));
        return keys;
    }

    /** Marking packages for expiry is housekeeping: a failure there does not undo the deploy, it is said. */
    private static void retain(ProgressListener progress, Runnable marking) {
        try {
            marking.run();
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            progress.step(
                    "warning: could not mark old packages for expiry in the artifact bucket: " + AwsErrors.describe(e));
        }
    }

    static Map<String, String> parameters(StackManifest manifest, String bucket) {
        Map<String, String> parameters = new LinkedHashMap<>(manifest.parameters());
        parameters.put(ARTIFACT_BUCKET_PARAMETER, bucket);
        parameters.values().removeIf(java.util.Objects::isNull);
        return parameters;
    }

    /**
     * A change set that deletes or replaces a table, bucket or queue is not executed unless allowed:
     * with UpdateReplacePolicy/DeletionPolicy Retain the old one is kept, but the stack moves on
     * to a new, empty one (and a renamed queue drops its messages), which is data loss from the
     * service's point of view.
     */
    static DataChangesRefused refused(String stackName, List<ResourceChange> data) {
        List<String> lines = new ArrayList<>();
        for (ResourceChange r : data) {
            lines.add(r.logicalId() + " (" + r.type() + "): "
                    + ("Remove".equals(r.action()) ? "removed from the stack" : "replaced (" + r.replacement() + ")")
                    + "; the stack will use a new, empty one");
        }
        return new DataChangesRefused(
                "deploy of stack " + stackName + " would remove or replace " + data.size() + " data "
                        + (data.size() == 1 ? "resource" : "resources")
                        + " (above); nothing was changed. Run again with --allow-data-changes"
                        + " to go on (kept resources stay in the account: DeletionPolicy/UpdateReplacePolicy Retain)",
                data,
                lines);
    }

    private static ProviderException failed(String stackName, String status, List<StackEvent> failures) {
        List<String> lines = new ArrayList<>();
        for (StackEvent e : failures) {
            if (e.logicalId() == null || e.logicalId().equals(stackName)) continue;
            lines.add(e.logicalId() + " (" + e.type() + "): " + e.status() + ": "
                    + (e.reason() == null ? "no reason given" : e.reason()));
        }
        return new ProviderException(
                "deploy of stack " + stackName + " failed and was rolled back (" + status + ")"
                        + (lines.isEmpty()
                                ? ""
                                : ": " + lines.size() + " failed " + (lines.size() == 1 ? "resource" : "resources")
                                        + " above"),
                lines);
    }
}
