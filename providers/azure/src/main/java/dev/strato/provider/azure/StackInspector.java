package dev.strato.provider.azure;

import dev.strato.provider.ProviderException;
import dev.strato.provider.StackInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What is deployed: the stage's deployment record, the function app (state, default host name), its
 * functions (learn.microsoft.com/rest/api/appservice/web-apps/list-functions: invoke URL, trigger) and
 * the resources the deployment made.
 */
final class StackInspector {

    private final AzureClients clients;
    private final AzureTarget target;

    StackInspector(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    /** The deployed app, or an error that says to deploy first. */
    DeployedApp deployed() {
        JsonNode d = AzureErrors.call(
                "read deployment " + target.deployment(),
                () -> clients.arm().find(target.deploymentPath(), Arm.RESOURCES_API));
        if (d == null) {
            throw new ProviderException(
                    "service " + target.service() + " (stage " + target.stage() + ") is not deployed in resource group "
                            + target.resourceGroup() + ": run 'strato deploy --provider azure' first");
        }
        return DeployedApp.of(d);
    }

    StackInfo info() {
        return info(deployed());
    }

    StackInfo info(DeployedApp app) {
        Arm arm = clients.arm();
        String name = app.functionApp();
        JsonNode site =
                AzureErrors.call("read function app " + name, () -> arm.get(target.sitePath(name), Arm.WEB_API));
        String state = site.path("properties").path("state").asString(app.state());
        List<StackInfo.FunctionInfo> functions = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        JsonNode list = AzureErrors.call(
                "list the functions of " + name, () -> arm.get(target.sitePath(name) + "/functions", Arm.WEB_API));
        for (JsonNode f : list.path("value")) {
            JsonNode p = f.path("properties");
            String fn = p.path("name")
                    .asString(
                            ResourceIds.parse(f.path("id").asString("")).name().replaceFirst("^.*/", ""));
            String trigger = "";
            for (JsonNode b : p.path("config").path("bindings")) {
                if (b.path("type").asString("").endsWith("Trigger"))
                    trigger = b.path("type").asString("");
            }
            String url = p.path("invoke_url_template").asString("");
            if (!url.isEmpty() && "httpTrigger".equals(trigger)) endpoints.add(fn + " " + url);
            functions.add(new StackInfo.FunctionInfo(
                    fn,
                    name + "/" + fn + (trigger.isEmpty() ? "" : " (" + trigger + ")"),
                    site.path("properties")
                            .path("siteConfig")
                            .path("linuxFxVersion")
                            .asString(null),
                    null,
                    null));
        }
        if (endpoints.isEmpty()) app.httpUrls().forEach((fn, url) -> endpoints.add(fn + " " + url));
        List<StackInfo.Resource> resources = new ArrayList<>();
        for (String id : app.resourceIds()) {
            ResourceIds r = ResourceIds.parse(id);
            resources.add(new StackInfo.Resource(r.name(), r.type(), id, "Succeeded"));
        }
        Map<String, String> outputs = new java.util.TreeMap<>(app.outputs());
        outputs.put(
                "defaultHostName",
                site.path("properties").path("defaultHostName").asString(""));
        outputs.put("resourceGroup", target.resourceGroup());
        return new StackInfo(target.deployment(), state, target.location(), outputs, endpoints, functions, resources);
    }

    /** The storage account's blob endpoint as ARM reports it (learn.microsoft.com/rest/api/storagerp/storage-accounts/get-properties). */
    String blobEndpoint(String account) {
        JsonNode a = AzureErrors.call(
                "read storage account " + account,
                () -> clients.arm()
                        .get(
                                target.groupPath() + "/providers/Microsoft.Storage/storageAccounts/" + account,
                                Arm.STORAGE_API));
        String blob = a.path("properties").path("primaryEndpoints").path("blob").asString(null);
        if (blob == null) throw new ProviderException("storage account " + account + " reports no blob endpoint");
        return blob;
    }
}
