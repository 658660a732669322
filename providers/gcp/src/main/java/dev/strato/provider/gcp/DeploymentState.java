package dev.strato.provider.gcp;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes Infrastructure Manager forget resources without destroying them (what {@code terraform state rm} does
 * locally; its Terraform 1.5 has no {@code removed} blocks): lock the deployment, export its state, drop the
 * resources, import the state, unlock. Used by remove to keep the data buckets.
 */
final class DeploymentState {

    private final GoogleRest rest;
    private final GoogleRest signed;
    private final GcpTarget target;
    private final ClientSettings settings;

    /** {@code signed} sends no credentials: signed URLs carry their own. */
    DeploymentState(GoogleRest rest, GoogleRest signed, GcpTarget target, ClientSettings settings) {
        this.rest = rest;
        this.signed = signed;
        this.target = target;
        this.settings = settings;
    }

    void forget(List<ConfigDocument.DataResource> resources, ProgressListener progress) {
        Set<String> addresses =
                resources.stream().map(ConfigDocument.DataResource::address).collect(Collectors.toSet());
        String name = target.deploymentName();
        OperationPoller poller = new OperationPoller(rest, InfraManagerEngine.SERVICE, settings);
        progress.step("Keeping " + String.join(", ", DataResources.names(resources))
                + ": removing them from the deployment's state");
        JsonNode locked = poller.await(
                GcpErrors.call(
                        "lock deployment",
                        () -> rest.post(InfraManagerEngine.SERVICE, "/v1/" + name + ":lock", Map.of())),
                "Locking",
                progress);
        if (locked.has("error"))
            throw new ProviderException("could not lock deployment " + target.deploymentId() + ": "
                    + locked.path("error").path("message").asString());
        String lockId = locked.path("response").path("lockId").asString();
        boolean unlocked = false;
        try {
            JsonNode exported = GcpErrors.call(
                    "export the deployment's state",
                    () -> rest.post(
                            InfraManagerEngine.SERVICE, "/v1/" + name + ":exportState", Map.of("draft", false)));
            GoogleRest.Answer state =
                    signed.raw("GET", exported.path("signedUri").asString(), null, "application/json", Map.of());
            if (state.status() / 100 != 2)
                throw new ProviderException("could not download the deployment's state: HTTP " + state.status());
            ObjectNode tf = (ObjectNode) GoogleRest.JSON.readTree(state.body());
            ArrayNode kept = GoogleRest.JSON.createArrayNode();
            for (JsonNode r : tf.path("resources")) {
                String address =
                        r.path("type").asString() + "." + r.path("name").asString();
                if (!("managed".equals(r.path("mode").asString("managed")) && addresses.contains(address))) kept.add(r);
            }
            tf.set("resources", kept);
            tf.put("serial", tf.path("serial").asLong(0) + 1);
            JsonNode upload = GcpErrors.call(
                    "import the deployment's state",
                    () -> rest.post(
                            InfraManagerEngine.SERVICE, "/v1/" + name + ":importState", Map.of("lockId", lockId)));
            GoogleRest.Answer put = signed.raw(
                    "PUT",
                    upload.path("signedUri").asString(),
                    GoogleRest.JSON.writeValueAsBytes(tf),
                    "application/json",
                    Map.of());
            if (put.status() / 100 != 2)
                throw new ProviderException("could not upload the deployment's state: HTTP " + put.status());
            unlock(poller, name, lockId, progress);
            unlocked = true;
        } finally {
            if (!unlocked) {
                try {
                    unlock(poller, name, lockId, progress);
                } catch (RuntimeException e) {
                    // the first failure says more; the lock can be released with gcloud infra-manager deployments
                    // unlock
                }
            }
        }
    }

    private void unlock(OperationPoller poller, String name, String lockId, ProgressListener progress) {
        poller.await(
                GcpErrors.call(
                        "unlock deployment",
                        () -> rest.post(
                                InfraManagerEngine.SERVICE, "/v1/" + name + ":unlock", Map.of("lockId", lockId))),
                "Unlocking",
                progress);
    }
}
