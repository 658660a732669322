package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import dev.strato.provider.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/** Creating a change set, waiting for it, reading its rows, and deleting it. */
final class ChangeSets {

    /** A created change set; {@code rows} empty when there is nothing to change (then it no longer exists). */
    record Created(String name, String stackName, boolean create, List<ResourceChange> rows) {

        boolean hasChanges() {
            return !rows.isEmpty();
        }
    }

    /** The template to use: inline body or an S3 URL. */
    record Template(String body, String url) {}

    private final CloudFormationClient cfn;
    private final ClientSettings settings;

    ChangeSets(CloudFormationClient cfn, ClientSettings settings) {
        this.cfn = cfn;
        this.settings = settings;
    }

    Created create(
            String stackName,
            boolean newStack,
            Template template,
            Map<String, String> parameters,
            List<String> capabilities) {
        String name = "strato-" + System.currentTimeMillis();
        List<Parameter> params = new ArrayList<>();
        parameters.forEach((k, v) ->
                params.add(Parameter.builder().parameterKey(k).parameterValue(v).build()));
        try {
            submit(stackName, name, newStack, template, params, capabilities);
        } catch (ProviderException e) {
            // some endpoints refuse an empty change set outright instead of failing it
            if (noChanges(String.valueOf(e.getMessage()))) return new Created(name, stackName, newStack, List.of());
            throw e;
        }
        DescribeChangeSetResponse described = awaitCreated(stackName, name);
        if ("FAILED".equals(described.statusAsString())) {
            String reason = String.valueOf(described.statusReason());
            delete(stackName, name);
            if (noChanges(reason)) return new Created(name, stackName, newStack, List.of());
            throw new ProviderException("change set for stack " + stackName + " failed: " + reason);
        }
        return new Created(name, stackName, newStack, rows(stackName, name));
    }

    private void submit(
            String stackName,
            String name,
            boolean newStack,
            Template template,
            List<Parameter> params,
            List<String> capabilities) {
        AwsErrors.run("create a change set for stack " + stackName, () -> {
            try {
                cfn.createChangeSet(b -> b.stackName(stackName)
                        .changeSetName(name)
                        .changeSetType(newStack ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                        // a new stack adopts the tables and buckets a remove (or an older failed create) kept: they
                        // have static names and a Retain policy, so CloudFormation imports them instead of failing
                        // with "already exists"
                        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/import-resources-automatically.html)
                        .importExistingResources(newStack ? Boolean.TRUE : null)
                        .templateBody(template.body())
                        .templateURL(template.url())
                        .parameters(params)
                        .capabilities(
                                capabilities.stream().map(Capability::fromValue).toList())
                        .tags(t -> t.key("strato:stack").value(stackName)));
            } catch (software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException e) {
                // a retried request whose first attempt got through: the change set is there
            }
        });
    }

    static boolean noChanges(String reason) {
        return reason.contains("didn't contain changes") || reason.contains("No updates are to be performed");
    }

    private DescribeChangeSetResponse awaitCreated(String stackName, String name) {
        Poller poller = new Poller(settings);
        while (true) {
            DescribeChangeSetResponse r = AwsErrors.call(
                    "read change set " + name,
                    () -> cfn.describeChangeSet(b -> b.stackName(stackName).changeSetName(name)));
            String status = r.statusAsString();
            if ("CREATE_COMPLETE".equals(status) || "FAILED".equals(status)) return r;
            poller.pause();
        }
    }

    private List<ResourceChange> rows(String stackName, String name) {
        List<ResourceChange> rows = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            DescribeChangeSetResponse page = AwsErrors.call(
                    "read change set " + name,
                    () -> cfn.describeChangeSet(
                            b -> b.stackName(stackName).changeSetName(name).nextToken(next)));
            for (var c : page.changes()) {
                var r = c.resourceChange();
                if (r == null) continue;
                rows.add(new ResourceChange(
                        r.actionAsString(),
                        r.logicalResourceId(),
                        r.resourceType(),
                        r.replacementAsString() == null ? "" : r.replacementAsString()));
            }
            token = page.nextToken();
        } while (token != null);
        return rows;
    }

    void execute(Created changeSet) {
        AwsErrors.run(
                "execute change set " + changeSet.name(),
                () -> cfn.executeChangeSet(
                        b -> b.stackName(changeSet.stackName()).changeSetName(changeSet.name())));
    }

    void delete(String stackName, String name) {
        AwsErrors.run(
                "delete change set " + name,
                () -> cfn.deleteChangeSet(b -> b.stackName(stackName).changeSetName(name)));
    }
}
