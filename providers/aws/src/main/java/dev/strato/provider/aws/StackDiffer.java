package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ResourceChange;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * diff: a change set against the deployed stack, read and deleted again. It uploads no packages: a
 * change set compares templates and parameters, it does not read them. Only a template past the
 * inline limit goes to the artifact bucket, as deploy would send it.
 */
final class StackDiffer {

    private final AwsClients clients;

    StackDiffer(AwsClients clients) {
        this.clients = clients;
    }

    /** Only for a template past the inline limit; the key is content-addressed, so the next deploy finds it there. */
    private ArtifactUploader uploader(ArtifactBucket bucket, ProgressListener progress) {
        if (bucket.ensure()) progress.step("Created artifact bucket " + bucket.name());
        return new ArtifactUploader(clients.s3(), bucket, clients.settings().uploadThreads());
    }

    List<ResourceChange> diff(GeneratedStack generated, ProgressListener progress) {
        StackManifest manifest = generated.manifest();
        String stackName = manifest.stackName();
        Stacks stacks = new Stacks(clients.cloudFormation(), clients.settings());
        var existing = stacks.describe(stackName);
        boolean newStack =
                existing.isEmpty() || "REVIEW_IN_PROGRESS".equals(existing.get().stackStatusAsString());
        ArtifactBucket bucket = ArtifactBucket.of(clients, stackName);
        ChangeSets changeSets = new ChangeSets(clients.cloudFormation(), clients.settings());
        progress.step("Creating change set for stack " + stackName);
        ChangeSets.Created created = changeSets.create(
                stackName,
                newStack,
                StackTemplate.of(generated, clients, newStack, () -> uploader(bucket, progress), progress),
                StackDeployer.parameters(manifest, bucket.name()),
                manifest.capabilities());
        if (created.hasChanges()) changeSets.delete(stackName, created.name());
        // a CREATE change set leaves an empty stack in REVIEW_IN_PROGRESS behind; don't leave it for a diff
        if (existing.isEmpty()
                && stacks.describe(stackName)
                        .map(Stack::stackStatusAsString)
                        .filter("REVIEW_IN_PROGRESS"::equals)
                        .isPresent()) {
            AwsErrors.run(
                    "delete the empty stack " + stackName,
                    () -> clients.cloudFormation().deleteStack(b -> b.stackName(stackName)));
        }
        return created.rows();
    }
}
