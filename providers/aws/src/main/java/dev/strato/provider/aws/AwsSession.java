package dev.strato.provider.aws;

import dev.strato.model.providers.Providers;
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
import java.util.List;

/** One command's AWS session: the service's generated manifest and lazily created clients. */
final class AwsSession implements ProviderSession {

    private final ServiceTarget target;
    private final AwsClients clients;
    private StackManifest manifest;

    AwsSession(Connection connection, ServiceTarget target, ClientSettings settings) {
        this.target = target;
        Providers.Aws aws = target.service().providers() == null
                ? null
                : target.service().providers().aws();
        String profile = connection.profile() != null
                ? connection.profile()
                : aws != null && aws.profile() != null
                        ? aws.profile()
                        : connection.environment().get("AWS_PROFILE");
        this.clients = new AwsClients(
                connection, Regions.choose(connection, aws == null ? null : aws.region(), profile), profile, settings);
    }

    private synchronized StackManifest manifest() {
        if (manifest == null) manifest = GeneratedStack.manifest(target);
        return manifest;
    }

    private StackInspector inspector() {
        return new StackInspector(clients, this::manifest);
    }

    @Override
    public DeployResult deploy(boolean execute, ProgressListener progress) {
        return deploy(execute, false, progress);
    }

    @Override
    public DeployResult deploy(boolean execute, boolean allowDataChanges, ProgressListener progress) {
        try (GeneratedStack generated = GeneratedStack.inTempDir(target)) {
            manifest = generated.manifest();
            return new StackDeployer(clients, inspector()).deploy(generated, execute, allowDataChanges, progress);
        }
    }

    @Override
    public List<ResourceChange> diff(ProgressListener progress) {
        try (GeneratedStack generated = GeneratedStack.inTempDir(target)) {
            manifest = generated.manifest();
            return new StackDiffer(clients).diff(generated, progress);
        }
    }

    @Override
    public StackInfo info() {
        return inspector().info(manifest().stackName());
    }

    @Override
    public InvokeResult invoke(InvokeRequest request) {
        return new FunctionInvoker(clients.lambda())
                .invoke(function(request.function()).name(), request);
    }

    @Override
    public void logs(LogQuery query, LogSink sink) {
        new LogReader(clients.logs()).read(function(query.function()).logGroup(), query, sink);
    }

    @Override
    public RemoveResult remove(boolean includeData, ProgressListener progress) {
        return new StackRemover(clients).remove(manifest().stackName(), includeData, progress);
    }

    private StackManifest.FunctionRef function(String name) {
        StackManifest.FunctionRef f = manifest().functions().get(name);
        if (f == null) {
            throw new ProviderException("unknown function '" + name + "'"
                    + dev.strato.model.support.Suggestions.didYouMean(
                            name, manifest().functions().keySet()) + " (functions: "
                    + String.join(", ", manifest().functions().keySet()) + ")");
        }
        return f;
    }

    @Override
    public void close() {
        clients.close();
    }
}
