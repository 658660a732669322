package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.StackEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Reports a stack's new events, oldest first, while an operation runs, and remembers the failures. */
final class StackEventFollower {

    private final CloudFormationClient cfn;
    private final Stacks stacks;
    private final ClientSettings settings;
    private final String stackName;
    private final Set<String> seen = new HashSet<>();
    private final List<StackEvent> failures = new ArrayList<>();

    StackEventFollower(CloudFormationClient cfn, Stacks stacks, ClientSettings settings, String stackName) {
        this.cfn = cfn;
        this.stacks = stacks;
        this.settings = settings;
        this.stackName = stackName;
    }

    /** Marks the events so far as seen: call before starting the operation to follow. */
    void skipExisting() {
        if (stacks.describe(stackName).isEmpty()) return;
        AwsErrors.run(
                "read the events of stack " + stackName,
                () -> cfn.describeStackEvents(b -> b.stackName(stackName))
                        .stackEvents()
                        .forEach(e -> seen.add(e.eventId())));
    }

    /** Follows until the stack's status no longer ends in _IN_PROGRESS; the final stack (empty once deleted). */
    Optional<Stack> follow(ProgressListener progress) {
        Poller poller = new Poller(settings);
        long deadline = System.nanoTime() + settings.inProgressTimeout().toNanos();
        while (true) {
            Optional<Stack> stack = stacks.describe(stackName);
            report(stack.map(Stack::stackId).orElse(stackName), progress);
            if (stack.isEmpty() || !stack.get().stackStatusAsString().endsWith("_IN_PROGRESS")) return stack;
            if (System.nanoTime() > deadline) {
                throw new ProviderException("stack " + stackName + " is still "
                        + stack.get().stackStatusAsString() + " after " + Stacks.minutes(settings.inProgressTimeout())
                        + "; strato stopped waiting: check its events and run the command again");
            }
            poller.pause();
        }
    }

    List<StackEvent> failures() {
        return List.copyOf(failures);
    }

    private void report(String stackId, ProgressListener progress) {
        List<software.amazon.awssdk.services.cloudformation.model.StackEvent> fresh = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeStackEventsResponse page;
            try {
                page = cfn.describeStackEvents(b -> b.stackName(stackId).nextToken(next));
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                if (String.valueOf(e.getMessage()).contains("does not exist")) return;
                throw e;
            }
            boolean reachedSeen = false;
            for (var e : page.stackEvents()) {
                if (seen.contains(e.eventId())) {
                    reachedSeen = true;
                    break;
                }
                fresh.add(e);
            }
            token = reachedSeen ? null : page.nextToken();
        } while (token != null);
        for (int i = fresh.size() - 1; i >= 0; i--) {
            var e = fresh.get(i);
            seen.add(e.eventId());
            StackEvent event = new StackEvent(
                    e.timestamp(),
                    e.logicalResourceId(),
                    e.resourceType(),
                    e.resourceStatusAsString(),
                    e.resourceStatusReason());
            if (event.failed()) failures.add(event);
            progress.event(event);
        }
    }
}
