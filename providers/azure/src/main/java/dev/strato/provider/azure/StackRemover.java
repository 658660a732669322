package dev.strato.provider.azure;

import com.azure.core.http.HttpMethod;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Deletes what the stage's deployment made. The whole resource group when strato created it (tag
 * managed-by=strato) and it holds nothing but the deployment's resources (and data may go);
 * otherwise resource by resource, role assignments first, then the app, its plan and monitoring,
 * messaging, the vault, and storage last. Data (Cosmos DB accounts, storage accounts other than the
 * app's host storage) is kept and named unless {@code includeData}. A deleted Key Vault stays
 * soft-deleted for its retention period (90 days by default) and keeps its name taken
 * (learn.microsoft.com/azure/key-vault/general/soft-delete-overview).
 */
final class StackRemover {

    private static final List<String> ORDER = List.of(
            "microsoft.authorization/roleassignments",
            "microsoft.eventgrid",
            "microsoft.web/sites",
            "microsoft.web/serverfarms",
            "microsoft.insights",
            "microsoft.operationalinsights",
            "microsoft.servicebus",
            "microsoft.keyvault",
            "microsoft.documentdb",
            "microsoft.storage");

    private final AzureClients clients;
    private final AzureTarget target;

    StackRemover(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    RemoveResult remove(GeneratedStack stack, boolean includeData, ProgressListener progress) {
        Arm arm = clients.arm();
        JsonNode group = AzureErrors.call(
                "read resource group " + target.resourceGroup(), () -> arm.find(target.groupPath(), Arm.RESOURCES_API));
        JsonNode deployment = group == null
                ? null
                : AzureErrors.call(
                        "read deployment " + target.deployment(),
                        () -> arm.find(target.deploymentPath(), Arm.RESOURCES_API));
        if (deployment == null) return new RemoveResult(target.deployment(), false, null, 0, List.of(), List.of());
        DeployedApp app = DeployedApp.of(deployment);
        String host = app.outputs().get("storageAccountName");
        Set<String> ours = new LinkedHashSet<>();
        for (String id : app.resourceIds()) ours.add(id.toLowerCase(Locale.ROOT));
        List<String> data = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String id : app.resourceIds()) {
            ResourceIds r = ResourceIds.parse(id);
            if (!r.topLevel() && !r.type().equalsIgnoreCase("Microsoft.Authorization/roleAssignments")) continue;
            if (isData(r, host)) data.add(id);
            else other.add(id);
        }
        List<String> inGroup = new ArrayList<>();
        JsonNode listing = AzureErrors.call(
                "list resource group " + target.resourceGroup(),
                () -> arm.get(target.groupPath() + "/resources", Arm.RESOURCES_API));
        for (JsonNode r : listing.path("value")) inGroup.add(r.path("id").asString(""));
        boolean onlyOurs = inGroup.stream().allMatch(id -> ours.contains(id.toLowerCase(Locale.ROOT)));
        boolean created = "strato".equals(group.path("tags").path("managed-by").asString(""));
        List<String> kept = new ArrayList<>();
        List<String> deletedData = new ArrayList<>();
        if (created && onlyOurs && (includeData || data.isEmpty())) {
            progress.step("Deleting resource group " + target.resourceGroup()
                    + " (strato created it; it holds only this service)");
            AzureErrors.call(
                    "delete resource group " + target.resourceGroup(),
                    () -> arm.await(
                            HttpMethod.DELETE, target.groupPath(), Arm.RESOURCES_API, null, "resource group deletion"));
            for (String id : data) deletedData.add(ResourceIds.parse(id).name());
        } else {
            List<String> order = new ArrayList<>(other);
            if (includeData) order.addAll(data);
            else
                for (String id : data)
                    kept.add(ResourceIds.parse(id).type() + " "
                            + ResourceIds.parse(id).name());
            order.sort(Comparator.comparingInt(StackRemover::rank));
            for (String id : order) {
                ResourceIds r = ResourceIds.parse(id);
                String api = apiVersion(stack, r.type());
                progress.step("Deleting " + r.type() + " " + r.name());
                AzureErrors.call("delete " + r.type() + " " + r.name(), () -> {
                    Arm.Response resp = arm.send(HttpMethod.DELETE, relative(id), api, null);
                    if (resp.status() == 404) return null;
                    return arm.poll(Arm.ok(resp), "deletion of " + r.name());
                });
                if (data.contains(id)) deletedData.add(r.name());
            }
            AzureErrors.call(
                    "delete deployment record " + target.deployment(),
                    () -> arm.send(HttpMethod.DELETE, target.deploymentPath(), Arm.RESOURCES_API, null));
            if (!onlyOurs)
                progress.step("Resource group " + target.resourceGroup()
                        + " kept: it holds resources this service did not create");
        }
        for (String id : app.resourceIds()) {
            ResourceIds r = ResourceIds.parse(id);
            if (r.topLevel() && r.type().equalsIgnoreCase("Microsoft.KeyVault/vaults")) {
                progress.step("Key Vault " + r.name()
                        + " is soft-deleted and keeps its name for its retention period (90 days by default):"
                        + " 'az keyvault recover --name " + r.name() + "' restores it, 'az keyvault purge --name "
                        + r.name() + "' frees the name");
            }
        }
        return new RemoveResult(target.deployment(), true, app.packageContainer(), 0, kept, deletedData);
    }

    private static boolean isData(ResourceIds r, String hostStorage) {
        String t = r.type().toLowerCase(Locale.ROOT);
        if (t.startsWith("microsoft.documentdb/")) return true;
        return t.equals("microsoft.storage/storageaccounts") && !r.name().equalsIgnoreCase(hostStorage);
    }

    private static int rank(String id) {
        String t = ResourceIds.parse(id).type().toLowerCase(Locale.ROOT);
        for (int i = 0; i < ORDER.size(); i++) if (t.startsWith(ORDER.get(i))) return i;
        return ORDER.size();
    }

    private String apiVersion(GeneratedStack stack, String type) {
        if (type.equalsIgnoreCase("Microsoft.Authorization/roleAssignments")) return "2022-04-01";
        String v = stack.apiVersion(type);
        if (v == null)
            throw new ProviderException(
                    "no API version known for " + type + "; delete it in the portal, then run remove again");
        return v;
    }

    /** The path part of a resource id, for the configured endpoint. */
    private static String relative(String id) {
        return id.startsWith("/") ? id : "/" + id;
    }
}
