package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

/** Reading a stack's state, and waiting while another operation runs on it. */
final class Stacks {

    private final CloudFormationClient cfn;
    private final ClientSettings settings;

    Stacks(CloudFormationClient cfn, ClientSettings settings) {
        this.cfn = cfn;
        this.settings = settings;
    }

    /** Empty when the stack does not exist (or was deleted). */
    Optional<Stack> describe(String name) {
        try {
            List<Stack> stacks = cfn.describeStacks(b -> b.stackName(name)).stacks();
            return stacks.stream()
                    .filter(s -> !"DELETE_COMPLETE".equals(s.stackStatusAsString()))
                    .findFirst();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist"))
                return Optional.empty();
            throw new ProviderException("could not read stack " + name + ": " + AwsErrors.describe(e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not read stack " + name + ": " + AwsErrors.describe(e), e);
        }
    }

    /** The stack's resources; entries without a logical id (resources an emulator skipped) are left out. */
    List<StackResourceSummary> resources(String name) {
        List<StackResourceSummary> list = new ArrayList<>();
        AwsErrors.run("list the resources of stack " + name, () -> {
            for (StackResourceSummary r :
                    cfn.listStackResourcesPaginator(b -> b.stackName(name)).stackResourceSummaries()) {
                if (r.logicalResourceId() != null && !r.logicalResourceId().isEmpty()) list.add(r);
            }
        });
        return list;
    }

    static boolean inProgress(Stack stack) {
        String status = stack.stackStatusAsString();
        return status.endsWith("_IN_PROGRESS") && !"REVIEW_IN_PROGRESS".equals(status);
    }

    /** Waits until no operation runs on the stack, telling {@code onWait} the status once; the stack as it then is (empty if it was deleted). */
    Optional<Stack> awaitSettled(String name, Stack current, java.util.function.Consumer<String> onWait) {
        Optional<Stack> stack = Optional.of(current);
        long deadline = System.nanoTime() + settings.inProgressTimeout().toNanos();
        Poller poller = new Poller(settings);
        boolean told = false;
        while (stack.isPresent() && inProgress(stack.get())) {
            if (!told) {
                onWait.accept(stack.get().stackStatusAsString());
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new ProviderException("stack " + name + " is still "
                        + stack.get().stackStatusAsString() + " after " + minutes(settings.inProgressTimeout())
                        + ": another deploy or remove is running on it; try again when it has finished");
            }
            poller.pause();
            stack = describe(name);
        }
        return stack;
    }

    static String minutes(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
