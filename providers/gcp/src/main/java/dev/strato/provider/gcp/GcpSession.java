package dev.strato.provider.gcp;

import dev.strato.model.providers.GcpEngine;
import dev.strato.provider.Connection;
import dev.strato.provider.DeployResult;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.LogQuery;
import dev.strato.provider.LogSink;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import dev.strato.provider.StackInfo;
import java.util.List;

/** One command's Google Cloud session: the generated configuration, the engine that applies it, lazily created clients. */
final class GcpSession implements ProviderSession {

    private final ServiceTarget service;
    private final GcpClients clients;
    private final Engine engine;
    private ConfigDocument document;

    GcpSession(Connection connection, ServiceTarget service, ClientSettings settings) {
        this.service = service;
        GcpTarget target = GcpTarget.of(connection, service.service());
        this.clients = new GcpClients(connection, target, settings);
        this.engine = target.engine() == GcpEngine.TERRAFORM
                ? new TerraformEngine(clients).service(service)
                : new InfraManagerEngine(clients);
    }

    private synchronized ConfigDocument document() {
        if (document == null) document = GeneratedConfig.document(service);
        return document;
    }

    @Override
    public DeployResult deploy(boolean execute, ProgressListener progress) {
        clients.progress(progress);
        try (GeneratedConfig config = GeneratedConfig.inTempDir(service)) {
            document = config.document();
            DeployResult r = engine.deploy(config, execute, progress);
            if (!r.executed()) return r;
            StackInfo info = inspector().info(new Engine.Deployed(r.stack(), "ACTIVE", r.outputs()));
            return new DeployResult(
                    r.stack(),
                    r.changes(),
                    r.executed(),
                    r.changeSet(),
                    r.uploadedBytes(),
                    r.uploadedArtifacts(),
                    r.skippedArtifacts(),
                    r.changeRows(),
                    r.outputs(),
                    info);
        }
    }

    @Override
    public List<ResourceChange> diff(ProgressListener progress) {
        clients.progress(progress);
        try (GeneratedConfig config = GeneratedConfig.inTempDir(service)) {
            document = config.document();
            return engine.diff(config, progress);
        }
    }

    private FunctionInspector inspector() {
        return new FunctionInspector(clients, document());
    }

    @Override
    public StackInfo info() {
        Engine.Deployed d = engine.deployed();
        if (d == null) {
            throw new dev.strato.provider.ProviderException(
                    "deployment " + clients.target().deploymentId() + " does not exist in "
                            + clients.target().location() + ": run 'strato deploy --provider gcp' first");
        }
        return inspector().info(d);
    }

    @Override
    public InvokeResult invoke(InvokeRequest request) {
        ConfigDocument.FunctionRef f = document().function(request.function(), clients.target());
        return new FunctionInvoker(clients, inspector()).invoke(f, request);
    }

    @Override
    public void logs(LogQuery query, LogSink sink) {
        ConfigDocument.FunctionRef f = document().function(query.function(), clients.target());
        new LogReader(clients).read(f.cloudName(), query, sink);
    }

    @Override
    public RemoveResult remove(boolean includeData, ProgressListener progress) {
        clients.progress(progress);
        try (GeneratedConfig config = GeneratedConfig.inTempDir(service)) {
            return engine.remove(config, includeData, progress);
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
