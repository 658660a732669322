package dev.strato.provider.azure;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.StackInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploys the service: the resource group when missing, what-if, one incremental deployment named per
 * stage (skipped when what-if changes nothing), then the app package when its SHA-256 differs: on Flex
 * Consumption through one deploy ({@link OneDeploy}); on Consumption/Premium as the run-from-package
 * blob, with the restart and trigger sync Microsoft requires after a new one
 * (learn.microsoft.com/azure/azure-functions/run-functions-from-deployment-package,
 * functions-deployment-technologies#trigger-syncing).
 */
final class StackDeployer {

    private final AzureClients clients;
    private final AzureTarget target;
    private final StackInspector inspector;

    StackDeployer(AzureClients clients, AzureTarget target, StackInspector inspector) {
        this.clients = clients;
        this.target = target;
        this.inspector = inspector;
    }

    DeployResult deploy(GeneratedStack stack, boolean execute, ProgressListener progress) {
        Arm arm = clients.arm();
        JsonNode group = AzureErrors.call(
                "read resource group " + target.resourceGroup(), () -> arm.find(target.groupPath(), Arm.RESOURCES_API));
        if (group == null && !execute) {
            StackDiffer.WhatIf all = new StackDiffer(clients, target).whatIf(stack, false, false, progress);
            return new DeployResult(
                    target.deployment(),
                    true,
                    false,
                    target.deployment(),
                    0,
                    0,
                    0,
                    all.rows(),
                    java.util.Map.of(),
                    null);
        }
        if (group == null) createGroup(progress);
        JsonNode existing = AzureErrors.call(
                "read deployment " + target.deployment(), () -> arm.find(target.deploymentPath(), Arm.RESOURCES_API));
        boolean previousOk = existing != null
                && "Succeeded"
                        .equalsIgnoreCase(existing.path("properties")
                                .path("provisioningState")
                                .asString(""));
        // once the subscriptions exist, the host key they need exists too: one pass with them on
        boolean subscriptions = previousOk && StackDiffer.subscriptionsOn(existing);
        StackDiffer.WhatIf whatIf = new StackDiffer(clients, target).whatIf(stack, true, subscriptions, progress);
        if (!execute)
            return new DeployResult(
                    target.deployment(),
                    whatIf.changes(),
                    false,
                    target.deployment(),
                    0,
                    0,
                    0,
                    whatIf.rows(),
                    java.util.Map.of(),
                    null);
        JsonNode deployment = existing;
        if (whatIf.changes() || !previousOk) {
            progress.step("Deploying " + target.deployment() + " to resource group " + target.resourceGroup());
            deployment = run(stack, subscriptions, progress);
        } else {
            progress.step("What-if found no changes; deployment " + target.deployment() + " left as it is");
        }
        DeployedApp app = DeployedApp.of(deployment);
        String blobEndpoint = inspector.blobEndpoint(app.storageAccount());
        long bytes = stack.flex()
                ? publishFlex(stack, app, blobEndpoint, progress)
                : new ArtifactUploader(clients).publish(blobEndpoint, app.packageContainer(), stack, progress);
        if (bytes > 0 && !stack.flex()) {
            String site = target.sitePath(app.functionApp());
            progress.step("Restarting " + app.functionApp() + " and syncing its triggers");
            AzureErrors.run("restart " + app.functionApp(), () -> arm.post(site + "/restart", Arm.WEB_API, null));
            AzureErrors.run(
                    "sync the triggers of " + app.functionApp(),
                    () -> arm.post(site + "/syncfunctiontriggers", Arm.WEB_API, null));
        }
        if (stack.hasEventSubscriptions() && !subscriptions) {
            new HostKeys(clients, target).await(app, stack.systemKeys(), progress);
            progress.step("Deploying " + target.deployment()
                    + " again with the Event Grid subscriptions, now that the host's keys exist");
            deployment = run(stack, true, progress);
            app = DeployedApp.of(deployment);
        }
        boolean changes = whatIf.changes() || !previousOk || bytes > 0;
        StackInfo info = inspector.info(app);
        return new DeployResult(
                target.deployment(),
                changes,
                true,
                target.deployment(),
                bytes,
                bytes > 0 ? 1 : 0,
                bytes > 0 ? 0 : 1,
                whatIf.rows(),
                app.outputs(),
                info);
    }

    /**
     * Flex Consumption: one deploy when the package's SHA-256 differs from the one recorded after the
     * last successful publish; the platform restarts the app and syncs its triggers itself.
     */
    private long publishFlex(GeneratedStack stack, DeployedApp app, String blobEndpoint, ProgressListener progress) {
        ArtifactUploader blobs = new ArtifactUploader(clients);
        if (stack.sha256().equals(blobs.deployedSha(blobEndpoint, app.packageContainer(), stack))) return 0;
        JsonNode site = AzureErrors.call(
                "read function app " + app.functionApp(),
                () -> clients.arm().get(target.sitePath(app.functionApp()), Arm.WEB_API));
        new OneDeploy(clients)
                .publish(
                        OneDeploy.scmHost(site, app.functionApp()),
                        app.functionApp(),
                        stack.appPackage(),
                        app.remoteBuild(),
                        progress);
        blobs.recordPublished(blobEndpoint, app.packageContainer(), stack.sha256());
        return stack.appPackage().length;
    }

    /** One deployment, followed to its end; a failure names every failed operation. */
    private JsonNode run(GeneratedStack stack, boolean subscriptions, ProgressListener progress) {
        Arm arm = clients.arm();
        AzureErrors.run(
                "start deployment " + target.deployment(),
                () -> arm.put(target.deploymentPath(), Arm.RESOURCES_API, stack.deploymentBody(target, subscriptions)));
        StackEventFollower.Outcome outcome = new StackEventFollower(clients, target).follow(progress);
        if (!outcome.succeeded()) {
            throw new ProviderException(
                    "deployment " + target.deployment() + " " + outcome.state().toLowerCase(java.util.Locale.ROOT)
                            + " (" + outcome.failures().size() + " failed operation"
                            + (outcome.failures().size() == 1 ? "" : "s") + "); fix the cause and deploy again",
                    outcome.failures());
        }
        return outcome.deployment();
    }

    private void createGroup(ProgressListener progress) {
        progress.step("Creating resource group " + target.resourceGroup() + " in " + target.location());
        ObjectNode body = Arm.JSON.createObjectNode();
        body.put("location", target.location());
        ObjectNode tags = body.putObject("tags");
        tags.put("managed-by", "strato");
        tags.put("service", target.service());
        tags.put("stage", target.stage());
        AzureErrors.run(
                "create resource group " + target.resourceGroup(),
                () -> clients.arm().put(target.groupPath(), Arm.RESOURCES_API, body));
    }
}
