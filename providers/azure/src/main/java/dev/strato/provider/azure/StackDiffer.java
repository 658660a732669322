package dev.strato.provider.azure;

import com.azure.core.http.HttpMethod;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ResourceChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * ARM what-if of the stage's deployment (learn.microsoft.com/rest/api/resources/deployments/what-if):
 * the rows that change something (Create, Modify with its property paths, Delete), with the unchanged
 * and ignored resources counted in a progress line. A missing resource group means everything is created.
 */
final class StackDiffer {

    /** What-if change types that a deploy applies; NoChange, Ignore, Deploy and Unsupported change nothing strato can show. */
    private static final List<String> CHANGING = List.of("Create", "Modify", "Delete");

    private final AzureClients clients;
    private final AzureTarget target;

    StackDiffer(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    /** Whether a deployment record ran with the Event Grid subscriptions on (then what-if compares with them on). */
    static boolean subscriptionsOn(tools.jackson.databind.JsonNode deployment) {
        return deployment != null
                && deployment
                        .path("properties")
                        .path("parameters")
                        .path(GeneratedStack.EVENT_SUBSCRIPTIONS)
                        .path("value")
                        .asBoolean(false);
    }

    /** The rows, and a count per change type. */
    record WhatIf(List<ResourceChange> rows, Map<String, Integer> counts) {

        boolean changes() {
            return !rows.isEmpty();
        }
    }

    WhatIf whatIf(GeneratedStack stack, boolean groupExists, boolean eventSubscriptions, ProgressListener progress) {
        if (!groupExists) return everythingCreated(stack, progress);
        progress.step("Running what-if for deployment " + target.deployment());
        JsonNode result = AzureErrors.call(
                "run what-if for deployment " + target.deployment(),
                () -> clients.arm()
                        .await(
                                HttpMethod.POST,
                                target.deploymentPath() + "/whatIf",
                                Arm.RESOURCES_API,
                                stack.deploymentBody(target, eventSubscriptions),
                                "what-if"));
        String status = result.path("status").asString("Succeeded");
        if (!status.equalsIgnoreCase("Succeeded")) {
            JsonNode e = result.path("error");
            throw AzureErrors.translate(
                    "run what-if for deployment " + target.deployment(),
                    new ArmException(
                            200,
                            e.path("code").asString(status),
                            e.path("message").asString("what-if " + status)));
        }
        List<ResourceChange> rows = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode change : result.path("properties").path("changes")) {
            String type = change.path("changeType").asString("");
            counts.merge(type, 1, Integer::sum);
            if (!CHANGING.contains(type)) continue;
            ResourceIds id = ResourceIds.parse(change.path("resourceId").asString(""));
            List<String> paths = new ArrayList<>();
            for (JsonNode d : change.path("delta")) {
                if (!"NoEffect".equals(d.path("propertyChangeType").asString("")))
                    paths.add(d.path("path").asString(""));
            }
            rows.add(new ResourceChange(type, id.name(), id.type(), String.join(", ", paths)));
        }
        progress.step("What-if: " + summary(counts));
        return new WhatIf(rows, counts);
    }

    private WhatIf everythingCreated(GeneratedStack stack, ProgressListener progress) {
        List<ResourceChange> rows = new ArrayList<>();
        for (JsonNode r : stack.template().path("resources")) {
            rows.add(new ResourceChange(
                    "Create", r.path("name").asString(""), r.path("type").asString(""), ""));
        }
        progress.step("Resource group " + target.resourceGroup() + " does not exist: every resource is created");
        return new WhatIf(rows, Map.of("Create", rows.size()));
    }

    static String summary(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "no resources";
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k.toLowerCase(Locale.ROOT).replace("nochange", "unchanged")));
        return String.join(", ", parts);
    }
}
