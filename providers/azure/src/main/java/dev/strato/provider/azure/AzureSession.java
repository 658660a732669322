package dev.strato.provider.azure;

import dev.strato.model.service.Function;
import dev.strato.model.support.Suggestions;
import dev.strato.provider.Connection;
import dev.strato.provider.DeployResult;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import dev.strato.provider.StackInfo;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One command's Azure session: the target (subscription, group, location, deployment) and lazily created clients. */
final class AzureSession implements ProviderSession {

    private final ServiceTarget service;
    private final AzureTarget target;
    private final AzureClients clients;

    AzureSession(Connection connection, ServiceTarget service, ClientSettings settings) {
        this.service = service;
        this.target = AzureTarget.of(connection, service);
        this.clients = new AzureClients(connection, settings);
    }

    private StackInspector inspector() {
        return new StackInspector(clients, target);
    }

    @Override
    public DeployResult deploy(boolean execute, ProgressListener progress) {
        return AzureErrors.call(
                "deploy " + target.deployment(),
                () -> new StackDeployer(clients, target, inspector())
                        .deploy(GeneratedStack.render(service), execute, progress));
    }

    @Override
    public List<ResourceChange> diff(ProgressListener progress) {
        return AzureErrors.call("diff " + target.deployment(), () -> diffRows(progress));
    }

    private List<ResourceChange> diffRows(ProgressListener progress) {
        GeneratedStack stack = GeneratedStack.render(service);
        JsonNode group = AzureErrors.call(
                "read resource group " + target.resourceGroup(),
                () -> clients.arm().find(target.groupPath(), Arm.RESOURCES_API));
        JsonNode deployed = group == null
                ? null
                : AzureErrors.call(
                        "read deployment " + target.deployment(),
                        () -> clients.arm().find(target.deploymentPath(), Arm.RESOURCES_API));
        List<ResourceChange> rows = new ArrayList<>(new StackDiffer(clients, target)
                .whatIf(stack, group != null, StackDiffer.subscriptionsOn(deployed), progress)
                .rows());
        ResourceChange pkg = packageChange(stack, deployed);
        if (pkg != null) rows.add(pkg);
        return rows;
    }

    /** The package row: Create when nothing is deployed, Modify when its SHA-256 differs, none when equal. */
    private ResourceChange packageChange(GeneratedStack stack, JsonNode d) {
        if (d == null) return new ResourceChange("Create", GeneratedStack.PACKAGE, "package", "");
        DeployedApp app = DeployedApp.of(d);
        String deployed = new ArtifactUploader(clients)
                .deployedSha(inspector().blobEndpoint(app.storageAccount()), app.packageContainer(), stack);
        if (stack.sha256().equals(deployed)) return null;
        return new ResourceChange(
                deployed == null ? "Create" : "Modify",
                GeneratedStack.PACKAGE,
                "package",
                deployed == null ? "" : "sha256");
    }

    @Override
    public StackInfo info() {
        return AzureErrors.call(
                "read deployment " + target.deployment(), () -> inspector().info());
    }

    @Override
    public InvokeResult invoke(InvokeRequest request) {
        Function f = function(request.function());
        return AzureErrors.call(
                "invoke " + f.name(),
                () -> new FunctionInvoker(clients, target).invoke(f, inspector().deployed(), request));
    }

    @Override
    public void logs(LogQuery query, LogSink sink) {
        Function f = function(query.function());
        AzureErrors.run("read the logs of " + f.name(), () -> readLogs(f, query, sink));
    }

    private void readLogs(Function f, LogQuery query, LogSink sink) {
        DeployedApp app = inspector().deployed();
        String workspace = app.resourceId("Microsoft.OperationalInsights/workspaces");
        if (workspace == null)
            throw new ProviderException(
                    "the deployment made no Log Analytics workspace; logs need the app's Application Insights");
        JsonNode ws = AzureErrors.call(
                "read workspace " + ResourceIds.parse(workspace).name(),
                () -> clients.arm().get(workspace, Arm.WORKSPACE_API));
        String customerId = ws.path("properties").path("customerId").asString(null);
        if (customerId == null)
            throw new ProviderException(
                    "workspace " + ResourceIds.parse(workspace).name() + " reports no customerId");
        new LogReader(clients.logs())
                .read(
                        customerId,
                        app.functionApp(),
                        f.name(),
                        query,
                        sink,
                        d -> clients.arm().sleep(d));
    }

    @Override
    public RemoveResult remove(boolean includeData, ProgressListener progress) {
        return AzureErrors.call(
                "remove " + target.deployment(),
                () -> new StackRemover(clients, target).remove(GeneratedStack.render(service), includeData, progress));
    }

    private Function function(String name) {
        Function f = service.service().functions().get(name);
        if (f == null) {
            throw new ProviderException("unknown function '" + name + "'"
                    + Suggestions.didYouMean(name, service.service().functions().keySet()) + " (functions: "
                    + String.join(", ", service.service().functions().keySet()) + ")");
        }
        return f;
    }

    @Override
    public void close() {
        clients.close();
    }
}
