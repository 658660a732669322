package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/**
 * remove: deletes the stack and waits, empties and deletes strato's artifact bucket of the stage;
 * tables and buckets (which the template retains) are kept unless data is to go too.
 */
final class StackRemover {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String BUCKET = "AWS::S3::Bucket";

    private final AwsClients clients;

    StackRemover(AwsClients clients) {
        this.clients = clients;
    }

    RemoveResult remove(String stackName, boolean includeData, ProgressListener progress) {
        CloudFormationClient cfn = clients.cloudFormation();
        Stacks stacks = new Stacks(cfn, clients.settings());
        Optional<Stack> stack = stacks.describe(stackName);
        List<StackResourceSummary> data = new ArrayList<>();
        if (stack.isPresent()) {
            stack = stacks.awaitSettled(
                    stackName,
                    stack.get(),
                    status -> progress.step(
                            "Stack " + stackName + " is " + status + " from another run; waiting for it to finish"));
        }
        if (stack.isPresent()) {
            for (StackResourceSummary r : stacks.resources(stackName)) {
                if (TABLE.equals(r.resourceType()) || BUCKET.equals(r.resourceType())) data.add(r);
            }
            progress.step("Deleting stack " + stackName);
            deleteAndWait(cfn, stacks, clients.settings(), stackName, progress, "remove");
        }
        ArtifactBucket artifacts = ArtifactBucket.of(clients, stackName);
        String bucket = artifacts.name();
        int objects = 0;
        // the bucket of strato versions before the account-regional namespace goes too (owner-checked like the other)
        for (ArtifactBucket b : List.of(ArtifactBucket.legacy(clients, stackName), artifacts)) {
            if (b.name().equals(bucket) && b != artifacts) continue;
            if (!b.exists()) continue;
            int n = BucketCleaner.emptyAndDelete(clients.s3(), b.name(), b.owner());
            if (b == artifacts) objects = n;
            progress.step("Emptied and deleted artifact bucket " + b.name() + " (" + n + " objects)");
        }
        List<String> kept = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (StackResourceSummary r : data) {
            String label = (TABLE.equals(r.resourceType()) ? "table " : "bucket ") + r.physicalResourceId() + " ("
                    + r.logicalResourceId() + ")";
            if (!includeData) {
                kept.add(label);
            } else if (deleteData(r)) {
                deleted.add(label);
            }
        }
        return new RemoveResult(stackName, stack.isPresent(), bucket, objects, kept, deleted);
    }

    /** False when it was already gone. */
    private boolean deleteData(StackResourceSummary r) {
        String id = r.physicalResourceId();
        try {
            if (TABLE.equals(r.resourceType())) {
                clients.dynamoDb().deleteTable(b -> b.tableName(id));
            } else {
                ArtifactBucket data =
                        new ArtifactBucket(clients.s3(), id, clients.accountId(), clients.region(), clients.tls());
                if (!data.exists()) return false;
                BucketCleaner.emptyAndDelete(clients.s3(), id, data.owner());
            }
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
            return false;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not delete " + id + ": " + AwsErrors.describe(e), e);
        }
    }

    /** Deletes the stack and follows it; a failure names each resource left and ends with "run 'strato COMMAND' again". */
    static void deleteAndWait(
            CloudFormationClient cfn,
            Stacks stacks,
            ClientSettings settings,
            String stackName,
            ProgressListener progress,
            String command) {
        StackEventFollower follower = new StackEventFollower(cfn, stacks, settings, stackName);
        follower.skipExisting();
        AwsErrors.run("delete stack " + stackName, () -> cfn.deleteStack(b -> b.stackName(stackName)));
        Optional<Stack> after = follower.follow(progress);
        if (after.isPresent())
            throw DeleteFailures.of(stackName, after.get().stackStatusAsString(), follower.failures(), command);
    }
}
