package dev.strato.provider.azure;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.StackEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows a deployment until it ends (learn.microsoft.com/rest/api/resources/deployments/get and
 * deployment-operations/list-at-scope): each operation's state change becomes a progress event;
 * a failed deployment returns every failed operation's resource, code and message.
 */
final class StackEventFollower {

    private final AzureClients clients;
    private final AzureTarget target;

    StackEventFollower(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    /** The deployment's end: its state and the failed operations' lines. */
    record Outcome(String state, JsonNode deployment, List<String> failures) {

        boolean succeeded() {
            return "Succeeded".equalsIgnoreCase(state);
        }
    }

    Outcome follow(ProgressListener progress) {
        Arm arm = clients.arm();
        Map<String, String> seen = new HashMap<>();
        Instant deadline = Instant.now().plus(clients.settings().operationTimeout());
        Duration interval = clients.settings().pollInterval();
        while (true) {
            JsonNode deployment = AzureErrors.call(
                    "read deployment " + target.deployment(),
                    () -> arm.get(target.deploymentPath(), Arm.RESOURCES_API));
            String state =
                    deployment.path("properties").path("provisioningState").asString("");
            List<JsonNode> operations = operations(arm);
            for (JsonNode op : operations) report(op, seen, progress);
            if (terminal(state)) {
                List<String> failures = new ArrayList<>();
                for (JsonNode op : operations) {
                    JsonNode p = op.path("properties");
                    if (!"Failed".equalsIgnoreCase(p.path("provisioningState").asString(""))) continue;
                    JsonNode error = p.path("statusMessage").path("error");
                    if (error.isMissingNode()) error = p.path("statusMessage");
                    JsonNode r = p.path("targetResource");
                    failures.add(r.path("resourceType").asString("deployment") + " "
                            + r.path("resourceName").asString(target.deployment()) + ": "
                            + error.path("code").asString(p.path("statusCode").asString("Failed")) + ": "
                            + AzureErrors.firstLine(error.path("message").asString("no message")));
                }
                if (failures.isEmpty() && !"Succeeded".equalsIgnoreCase(state)) {
                    JsonNode error = deployment.path("properties").path("error");
                    failures.add("deployment " + target.deployment() + ": "
                            + error.path("code").asString(state) + ": "
                            + AzureErrors.firstLine(error.path("message").asString("no message")));
                }
                return new Outcome(state, deployment, failures);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new dev.strato.provider.ProviderException(
                        "deployment " + target.deployment() + " is still " + state + " after "
                                + clients.settings().operationTimeout().toMinutes()
                                + " minutes; follow it in the portal or run 'strato info' later");
            }
            arm.sleep(interval);
            interval = min(interval.multipliedBy(2), clients.settings().maxPollInterval());
        }
    }

    private List<JsonNode> operations(Arm arm) {
        List<JsonNode> all = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = next == null
                    ? AzureErrors.call(
                            "list the operations of deployment " + target.deployment(),
                            () -> arm.get(target.deploymentPath() + "/operations", Arm.RESOURCES_API))
                    : Arm.ok(arm.sendUrl(com.azure.core.http.HttpMethod.GET, next, null))
                            .body();
            for (JsonNode op : page.path("value")) all.add(op);
            next = page.path("nextLink").asString(null);
        } while (next != null && !next.isBlank());
        return all;
    }

    private static void report(JsonNode op, Map<String, String> seen, ProgressListener progress) {
        JsonNode p = op.path("properties");
        String id = op.path("operationId").asString(op.path("id").asString(""));
        String state = p.path("provisioningState").asString("");
        if (state.equals(seen.put(id, state))) return;
        JsonNode r = p.path("targetResource");
        if (r.isMissingNode()) return;
        String reason = null;
        if ("Failed".equalsIgnoreCase(state)) {
            JsonNode error = p.path("statusMessage").path("error");
            reason = error.path("code").asString("") + ": "
                    + error.path("message").asString("");
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(p.path("timestamp").asString("")).toInstant();
        } catch (RuntimeException e) {
            time = Instant.now();
        }
        progress.event(new StackEvent(
                time,
                r.path("resourceName").asString(""),
                r.path("resourceType").asString(""),
                status(state),
                reason));
    }

    /** ARM's provisioning states in the AWS-like form the CLI's event printer knows ({@code _FAILED} marks failures). */
    static String status(String state) {
        return switch (state.toLowerCase(java.util.Locale.ROOT)) {
            case "succeeded" -> "DEPLOY_COMPLETE";
            case "failed" -> "DEPLOY_FAILED";
            case "canceled" -> "DEPLOY_CANCELED";
            default -> "DEPLOY_IN_PROGRESS";
        };
    }

    static boolean terminal(String state) {
        return state.equalsIgnoreCase("Succeeded")
                || state.equalsIgnoreCase("Failed")
                || state.equalsIgnoreCase("Canceled");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
