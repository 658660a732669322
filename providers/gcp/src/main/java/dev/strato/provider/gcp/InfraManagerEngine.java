package dev.strato.provider.gcp;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Infrastructure Manager (config.googleapis.com v1, REST): the configuration and its packages go to the stage bucket,
 * a deployment {@code <service>-<stage>} applies them, a preview diffs them. The deployment carries the hash of its
 * configuration as a label, so a redeploy of the same configuration uploads nothing and applies nothing.
 * {@code importExistingResources} lets a redeploy after a remove adopt the Firestore databases and buckets it kept.
 * Reference: https://cloud.google.com/infrastructure-manager/docs/reference/rest
 */
final class InfraManagerEngine implements Engine {

    static final String SERVICE = "config";
    static final String HASH_LABEL = "strato-config";
    /** What remove says about the data it keeps: the next deploy adopts it (fix 10 of issue 17). */
    static final String KEPT_NOTE =
            "Keeping the buckets and Firestore databases: a later deploy of this stage imports them again"
                    + " (Infrastructure Manager's importExistingResources, import blocks with the terraform engine); remove --include-data deletes them";

    private final GcpClients clients;
    private final GcpTarget target;

    InfraManagerEngine(GcpClients clients) {
        this.clients = clients;
        this.target = clients.target();
    }

    private GoogleRest rest() {
        return clients.rest();
    }

    private OperationPoller poller() {
        return new OperationPoller(rest(), SERVICE, clients.settings());
    }

    /** The deployment, or null when there is none. */
    JsonNode deployment() {
        try {
            return rest().get(SERVICE, "/v1/" + target.deploymentName());
        } catch (GoogleApiException e) {
            if (e.notFound()) return null;
            throw new ProviderException(
                    "could not read deployment " + target.deploymentName() + ": " + GcpErrors.describe(e), e);
        }
    }

    @Override
    public DeployResult deploy(GeneratedConfig config, boolean execute, ProgressListener progress) {
        StageBucket.Outcome uploaded = upload(config, progress);
        String hash = config.configHash();
        JsonNode existing = deployment();
        String id = target.deploymentId();
        if (existing != null) busy(existing);
        if (existing != null
                && "ACTIVE".equals(existing.path("state").asString(""))
                && hash.equals(existing.path("labels").path(HASH_LABEL).asString(""))) {
            return new DeployResult(
                    id,
                    false,
                    false,
                    null,
                    uploaded.bytes(),
                    uploaded.uploaded(),
                    uploaded.skipped(),
                    List.of(),
                    outputs(existing),
                    null);
        }
        if (!execute) {
            JsonNode preview = preview(config, existing != null, progress);
            List<ResourceChange> rows = changes(preview);
            return new DeployResult(
                    id,
                    !rows.isEmpty(),
                    false,
                    preview.path("name").asString(),
                    uploaded.bytes(),
                    uploaded.uploaded(),
                    uploaded.skipped(),
                    rows,
                    Map.of(),
                    null);
        }
        JsonNode applied = apply(config, existing != null, progress);
        List<ResourceChange> rows = revisionChanges(applied);
        return new DeployResult(
                id,
                true,
                true,
                applied.path("latestRevision").asString(null),
                uploaded.bytes(),
                uploaded.uploaded(),
                uploaded.skipped(),
                rows,
                outputs(applied),
                null);
    }

    /** Refuses to start while another operation holds the deployment. */
    private void busy(JsonNode d) {
        String state = d.path("state").asString("");
        if (state.equals("CREATING")
                || state.equals("UPDATING")
                || state.equals("DELETING")
                || "LOCKED".equals(d.path("lockState").asString(""))) {
            throw new ProviderException("deployment " + target.deploymentId() + " is "
                    + (state.isEmpty() ? d.path("lockState").asString() : state)
                    + ": another operation is running; wait for it ('gcloud infra-manager deployments describe "
                    + target.deploymentName() + "') and run the command again");
        }
    }

    StageBucket.Outcome upload(GeneratedConfig config, ProgressListener progress) {
        StageBucket bucket = new StageBucket(clients.storage(), target);
        bucket.ensure(progress);
        List<StageBucket.Upload> packages = new ArrayList<>();
        List<StageBucket.Upload> configuration = new ArrayList<>();
        for (String name : config.configurationFiles()) {
            StageBucket.Upload u = new StageBucket.Upload(config.file(name), target.configPrefix() + name);
            (name.endsWith(".zip") ? packages : configuration).add(u);
        }
        StageBucket.Outcome zips = bucket.upload(packages, progress);
        StageBucket.Outcome files = bucket.upload(configuration, progress);
        if (files.uploaded() > 0)
            progress.step("Uploaded the configuration (" + files.uploaded() + " file"
                    + (files.uploaded() == 1 ? "" : "s") + ", " + files.bytes() + " bytes)");
        return new StageBucket.Outcome(zips.uploaded(), zips.skipped(), zips.bytes() + files.bytes());
    }

    private ObjectNode blueprint() {
        ObjectNode bp = GoogleRest.JSON.createObjectNode();
        bp.put(
                "gcsSource",
                "gs://" + target.stageBucket() + "/" + target.configPrefix().replaceAll("/$", ""));
        ObjectNode inputs = bp.putObject("inputValues");
        inputs.putObject("project").put("inputValue", target.project());
        inputs.putObject("region").put("inputValue", target.region());
        return bp;
    }

    private ObjectNode body(GeneratedConfig config) {
        ObjectNode d = GoogleRest.JSON.createObjectNode();
        d.set("terraformBlueprint", blueprint());
        d.put("serviceAccount", "projects/" + target.project() + "/serviceAccounts/" + target.serviceAccount());
        d.put("importExistingResources", true);
        ObjectNode labels = d.putObject("labels");
        labels.put(HASH_LABEL, config.configHash());
        labels.put("strato-service", StageBucket.label(target.service()));
        labels.put("strato-stage", StageBucket.label(target.stage()));
        return d;
    }

    /** Creates or updates the deployment and follows it; retries while the failure is IAM propagation. */
    private JsonNode apply(GeneratedConfig config, boolean exists, ProgressListener progress) {
        ClientSettings s = clients.settings();
        for (int attempt = 1; ; attempt++) {
            String what = (exists ? "Updating" : "Creating") + " deployment " + target.deploymentId();
            progress.step(what);
            JsonNode op = exists
                    ? call(
                            "update deployment",
                            () -> rest().patch(SERVICE, "/v1/" + target.deploymentName(), body(config)))
                    : create(config);
            JsonNode done = poller().await(op, what, progress);
            JsonNode d = deployment();
            if (!done.has("error")
                    && d != null
                    && "ACTIVE".equals(d.path("state").asString(""))) return d;
            DeployFailure failure = failure(what, done, d);
            if (IamPropagation.waitBeforeRetry(failure, attempt, s, progress)) {
                exists = true;
                continue;
            }
            throw failure.exception();
        }
    }

    private JsonNode create(GeneratedConfig config) {
        try {
            return rest().post(
                            SERVICE,
                            "/v1/" + target.location() + "/deployments?deploymentId=" + target.deploymentId(),
                            body(config));
        } catch (GoogleApiException e) {
            // a create whose answer was lost and was sent again: the deployment is there, update it
            if (e.conflict())
                return call(
                        "update deployment",
                        () -> rest().patch(SERVICE, "/v1/" + target.deploymentName(), body(config)));
            throw new ProviderException(
                    "could not create deployment " + target.deploymentId() + ": " + GcpErrors.describe(e), e);
        }
    }

    /** The error of a finished operation with the Terraform errors of the deployment and of its latest revision. */
    private DeployFailure failure(String what, JsonNode op, JsonNode d) {
        List<String> errors = new ArrayList<>();
        String logs = null;
        if (d != null) {
            tfErrors(d.path("tfErrors"), errors);
            logs = d.path("errorLogs").asString(null);
            String revision = d.path("latestRevision").asString("");
            if (!revision.isEmpty()) {
                try {
                    JsonNode r = rest().get(SERVICE, "/v1/" + revision);
                    tfErrors(r.path("tfErrors"), errors);
                    if (logs == null)
                        logs = r.path("errorLogs").asString(r.path("logs").asString(null));
                    if (errors.isEmpty() && r.path("stateDetail").isString())
                        errors.add(r.path("stateDetail").asString());
                } catch (GoogleApiException e) {
                    // the deployment's own errors still say what failed
                }
            }
            if (errors.isEmpty() && d.path("stateDetail").isString())
                errors.add(d.path("stateDetail").asString());
            if (d.path("errorCode").isString() && errors.isEmpty())
                errors.add(d.path("errorCode").asString());
        }
        if (errors.isEmpty() && op.has("error"))
            errors.add(op.path("error").path("message").asString("operation failed"));
        if (errors.isEmpty())
            errors.add("the deployment is "
                    + (d == null ? "not there" : d.path("state").asString("in no state")) + " after the operation");
        return new DeployFailure(what, errors.stream().distinct().toList(), logs);
    }

    private static void tfErrors(JsonNode list, List<String> into) {
        for (JsonNode e : list) {
            String address = e.path("resourceAddress").asString("");
            String text = e.path("errorDescription")
                    .asString(e.path("error").path("message").asString(""));
            int code = e.path("httpResponseCode").asInt(0);
            into.add(
                    (address.isEmpty() ? "" : address + ": ") + (code > 0 ? "HTTP " + code + ": " : "") + text.strip());
        }
    }

    /** A preview of the configuration against the deployment (or against nothing), finished. */
    private JsonNode preview(GeneratedConfig config, boolean exists, ProgressListener progress) {
        ObjectNode p = GoogleRest.JSON.createObjectNode();
        p.set("terraformBlueprint", blueprint());
        p.put("serviceAccount", "projects/" + target.project() + "/serviceAccounts/" + target.serviceAccount());
        if (exists) p.put("deployment", target.deploymentName());
        p.putObject("labels").put(HASH_LABEL, config.configHash());
        progress.step("Creating a preview of deployment " + target.deploymentId());
        JsonNode op = call("create a preview", () -> rest().post(SERVICE, "/v1/" + target.location() + "/previews", p));
        JsonNode done = poller().await(op, "Preview", progress);
        JsonNode preview = done.path("response");
        String name = preview.path("name").asString(null);
        if (done.has("error")
                || name == null
                || !"SUCCEEDED".equals(preview.path("state").asString("SUCCEEDED"))) {
            JsonNode full = name == null ? preview : call("read the preview", () -> rest().get(SERVICE, "/v1/" + name));
            List<String> errors = new ArrayList<>();
            tfErrors(full.path("tfErrors"), errors);
            if (errors.isEmpty())
                errors.add(done.path("error")
                        .path("message")
                        .asString(full.path("errorCode").asString("preview failed")));
            throw new DeployFailure(
                            "preview of deployment " + target.deploymentId(),
                            errors,
                            full.path("errorLogs").asString(null))
                    .exception();
        }
        return preview;
    }

    /** The rows of a preview's resource changes that change something. */
    private List<ResourceChange> changes(JsonNode preview) {
        List<ResourceChange> rows = new ArrayList<>();
        String page = "";
        do {
            String token = page;
            JsonNode list = call(
                    "list the preview's resource changes",
                    () -> rest().get(
                                    SERVICE,
                                    "/v1/" + preview.path("name").asString() + "/resourceChanges"
                                            + (token.isEmpty() ? "" : "?pageToken=" + token)));
            for (JsonNode c : list.path("resourceChanges")) {
                ResourceChange row = row(c.path("intent").asString(""), c.path("terraformInfo"));
                if (row != null) rows.add(row);
            }
            page = list.path("nextPageToken").asString("");
        } while (!page.isEmpty());
        return rows;
    }

    /** The resources the latest revision changed. */
    private List<ResourceChange> revisionChanges(JsonNode d) {
        String revision = d.path("latestRevision").asString("");
        if (revision.isEmpty()) return List.of();
        List<ResourceChange> rows = new ArrayList<>();
        try {
            JsonNode list = rest().get(SERVICE, "/v1/" + revision + "/resources");
            for (JsonNode r : list.path("resources")) {
                ResourceChange row = row(r.path("intent").asString(""), r.path("terraformInfo"));
                if (row != null) rows.add(row);
            }
        } catch (GoogleApiException e) {
            // the rows are a report; the apply itself succeeded
        }
        return rows;
    }

    static ResourceChange row(String intent, JsonNode info) {
        String address = info.path("address").asString("");
        String type =
                info.path("type").asString(address.contains(".") ? address.substring(0, address.indexOf('.')) : "");
        return switch (intent) {
            case "CREATE" -> new ResourceChange("Add", address, type, "");
            case "UPDATE" -> new ResourceChange("Modify", address, type, "False");
            case "RECREATE" -> new ResourceChange("Modify", address, type, "True");
            case "DELETE" -> new ResourceChange("Remove", address, type, "");
            default -> null;
        };
    }

    @Override
    public List<ResourceChange> diff(GeneratedConfig config, ProgressListener progress) {
        upload(config, progress);
        JsonNode existing = deployment();
        JsonNode preview = preview(config, existing != null, progress);
        try {
            return changes(preview);
        } finally {
            try {
                rest().delete(SERVICE, "/v1/" + preview.path("name").asString());
            } catch (GoogleApiException | ProviderException e) {
                // a leftover preview costs nothing and expires
            }
        }
    }

    @Override
    public Deployed deployed() {
        JsonNode d = deployment();
        return d == null
                ? null
                : new Deployed(target.deploymentId(), d.path("state").asString(""), outputs(d));
    }

    /** The Terraform outputs of the deployment's latest revision. */
    private Map<String, String> outputs(JsonNode d) {
        String revision = d.path("latestRevision").asString("");
        if (revision.isEmpty()) return Map.of();
        JsonNode r = call("read revision " + revision, () -> rest().get(SERVICE, "/v1/" + revision));
        Map<String, String> outputs = new TreeMap<>();
        for (var e : r.path("applyResults").path("outputs").properties()) {
            if (e.getValue().path("sensitive").asBoolean(false)) continue;
            JsonNode v = e.getValue().path("value");
            outputs.put(e.getKey(), v.isString() ? v.asString() : v.toString());
        }
        return outputs;
    }

    @Override
    public RemoveResult remove(GeneratedConfig config, boolean includeData, ProgressListener progress) {
        List<ConfigDocument.DataResource> data = config.document().dataResources(target);
        DataResources resources = new DataResources(clients);
        JsonNode d = deployment();
        StageBucket bucket = new StageBucket(clients.storage(), target);
        if (d == null) return new RemoveResult(target.deploymentId(), false, bucket.name(), 0, List.of(), List.of());
        busy(d);
        List<String> kept = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        if (includeData) {
            resources.emptyBuckets(data, progress);
        } else {
            List<ConfigDocument.DataResource> buckets = data.stream()
                    .filter(r -> r.type().equals(ConfigDocument.BUCKET))
                    .toList();
            if (!buckets.isEmpty())
                new DeploymentState(rest(), clients.anonymous(), target, clients.settings()).forget(buckets, progress);
            kept.addAll(DataResources.names(data));
            if (!kept.isEmpty()) progress.step(KEPT_NOTE);
        }
        String what = "Deleting deployment " + target.deploymentId();
        progress.step(what);
        JsonNode op = call(
                "delete deployment",
                () -> rest().delete(SERVICE, "/v1/" + target.deploymentName() + "?force=true&deletePolicy=DELETE"));
        JsonNode done = poller().await(op, what, progress);
        if (done.has("error")) {
            JsonNode after = deployment();
            throw failure("deleting deployment " + target.deploymentId(), done, after)
                    .exception();
        }
        if (includeData) {
            for (ConfigDocument.DataResource r : data)
                if (r.type().equals(ConfigDocument.BUCKET)) deleted.add("bucket " + r.name());
            for (String db : resources.deleteDatabases(data, progress)) deleted.add("Firestore database " + db);
        }
        int objects = bucket.deleteAll(target.configPrefix());
        bucket.deleteIfEmpty(progress);
        return new RemoveResult(target.deploymentId(), true, bucket.name(), objects, kept, deleted);
    }

    private static JsonNode call(String doing, java.util.function.Supplier<JsonNode> call) {
        return GcpErrors.call(doing, call);
    }

    static Map<String, String> labels(JsonNode d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (var e : d.path("labels").properties())
            m.put(e.getKey(), e.getValue().asString());
        return m;
    }
}
