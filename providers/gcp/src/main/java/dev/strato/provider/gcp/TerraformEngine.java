package dev.strato.provider.gcp;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code providers.gcp.engine: terraform}: a terraform (or tofu) on PATH applies main.tf.json with its state in the
 * stage bucket (a gcs backend, never a local file a CI runner throws away): init, plan -detailed-exitcode (0 no
 * changes, 2 changes, 1 error), apply of that plan, output streamed. A redeploy after a remove imports the data
 * resources remove kept (import blocks). Reference: https://developer.hashicorp.com/terraform/cli/commands/plan
 */
final class TerraformEngine implements Engine {

    static final String PLAN = "strato.tfplan";
    static final String BACKEND = "strato_backend.tf.json";
    static final String IMPORTS = "strato_imports.tf.json";
    static final String STATE_PREFIX = "terraform/state";

    private final GcpClients clients;
    private final GcpTarget target;

    TerraformEngine(GcpClients clients) {
        this.clients = clients;
        this.target = clients.target();
    }

    /** The terraform or tofu binary on the command's PATH. */
    String binary() {
        String path = clients.environment().getOrDefault("PATH", "");
        for (String name : List.of("terraform", "tofu")) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) return p.toString();
            }
        }
        throw new ProviderException(
                "providers.gcp.engine is terraform, but neither terraform nor tofu is on PATH: install Terraform (>= 1.5) or OpenTofu,"
                        + " or remove providers.gcp.engine to deploy with Infrastructure Manager");
    }

    /** One run of the binary: its exit code and output lines. */
    record Run(int exit, List<String> lines) {

        String text() {
            return String.join("\n", lines);
        }
    }

    Run run(Path dir, List<String> args, Consumer<String> each) {
        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(clients.environment());
        pb.environment().put("TF_IN_AUTOMATION", "1");
        pb.environment().put("TF_INPUT", "0");
        List<String> lines = new ArrayList<>();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    each.accept(line);
                }
            }
            return new Run(p.waitFor(), lines);
        } catch (IOException e) {
            throw new ProviderException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while " + command.get(0) + " " + args.get(0) + " ran");
        }
    }

    private static Consumer<String> streamed(ProgressListener progress) {
        return line -> {
            if (!line.isBlank()) progress.step(line);
        };
    }

    private List<String> vars() {
        return List.of("-var", "project=" + target.project(), "-var", "region=" + target.region());
    }

    /** Writes the gcs backend, ensures its bucket and runs init. */
    private void init(GeneratedConfig config, ProgressListener progress) {
        new StageBucket(clients.storage(), target).ensure(progress);
        ObjectNode backend = GoogleRest.JSON.createObjectNode();
        backend.putObject("terraform")
                .putObject("backend")
                .putObject("gcs")
                .put("bucket", target.stageBucket())
                .put("prefix", STATE_PREFIX);
        config.write(BACKEND, GoogleRest.JSON.writeValueAsBytes(backend));
        progress.step("terraform init (state in gs://" + target.stageBucket() + "/" + STATE_PREFIX + ")");
        Run init = run(config.dir(), List.of("init", "-input=false", "-no-color"), streamed(progress));
        if (init.exit() != 0) throw new DeployFailure("terraform init", errors(init), null).exception();
    }

    /** Import blocks for the kept data resources that exist but are not in the state (a redeploy after remove). */
    private void imports(GeneratedConfig config) {
        Run list = run(config.dir(), List.of("state", "list"), line -> {});
        Set<String> inState = new HashSet<>(list.exit() == 0 ? list.lines() : List.of());
        DataResources data = new DataResources(clients);
        List<Map<String, String>> blocks = new ArrayList<>();
        for (ConfigDocument.DataResource r : config.document().dataResources(target)) {
            if (!inState.contains(r.address()) && data.exists(r)) {
                Map<String, String> block = new LinkedHashMap<>();
                block.put("to", r.address());
                block.put("id", data.importId(r));
                blocks.add(block);
            }
        }
        if (!blocks.isEmpty()) config.write(IMPORTS, GoogleRest.JSON.writeValueAsBytes(Map.of("import", blocks)));
    }

    /** Plans into {@link #PLAN}: the changes (empty when plan -detailed-exitcode said 0). */
    private List<ResourceChange> plan(GeneratedConfig config, ProgressListener progress) {
        List<String> args =
                new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-detailed-exitcode", "-out=" + PLAN));
        args.addAll(vars());
        Run plan = run(config.dir(), args, streamed(progress));
        if (plan.exit() == 0) return List.of();
        if (plan.exit() != 2) throw new DeployFailure("terraform plan", errors(plan), null).exception();
        Run show = run(config.dir(), List.of("show", "-json", "-no-color", PLAN), line -> {});
        if (show.exit() != 0) throw new DeployFailure("terraform show", errors(show), null).exception();
        return rows(GoogleRest.JSON.readTree(show.text()));
    }

    static List<ResourceChange> rows(JsonNode plan) {
        List<ResourceChange> rows = new ArrayList<>();
        for (JsonNode c : plan.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            for (JsonNode a : c.path("change").path("actions")) actions.add(a.asString());
            String address = c.path("address").asString();
            String type = c.path("type").asString();
            if (actions.contains("delete") && actions.contains("create"))
                rows.add(new ResourceChange("Modify", address, type, "True"));
            else if (actions.contains("create"))
                rows.add(new ResourceChange(
                        c.has("importing") || c.path("change").has("importing") ? "Import" : "Add", address, type, ""));
            else if (actions.contains("update")) rows.add(new ResourceChange("Modify", address, type, "False"));
            else if (actions.contains("delete")) rows.add(new ResourceChange("Remove", address, type, ""));
            else if (c.path("change").has("importing")) rows.add(new ResourceChange("Import", address, type, ""));
        }
        return rows;
    }

    /** The lines of Terraform's "Error:" blocks (the block's first line with its resource), or the last lines. */
    static List<String> errors(Run run) {
        List<String> errors = new ArrayList<>();
        List<String> lines = run.lines();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).replaceFirst("^[│╷╵ ]+", "").strip();
            if (!l.startsWith("Error:")) continue;
            StringBuilder b = new StringBuilder(l);
            for (int j = i + 1; j < Math.min(lines.size(), i + 8); j++) {
                String next = lines.get(j).replaceFirst("^[│╷╵ ]+", "").strip();
                if (next.startsWith("Error:") || next.isEmpty() && b.length() > l.length()) break;
                if (next.startsWith("with ") || next.startsWith("on ") || next.isEmpty()) continue;
                b.append(' ').append(next);
            }
            errors.add(b.toString());
        }
        if (errors.isEmpty()) errors.addAll(lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        if (errors.isEmpty()) errors.add("exit code " + run.exit());
        return errors;
    }

    @Override
    public DeployResult deploy(GeneratedConfig config, boolean execute, ProgressListener progress) {
        init(config, progress);
        imports(config);
        ClientSettings s = clients.settings();
        for (int attempt = 1; ; attempt++) {
            List<ResourceChange> rows = plan(config, progress);
            if (rows.isEmpty() && attempt == 1) {
                return new DeployResult(
                        target.deploymentId(), false, false, null, 0, 0, 0, List.of(), outputs(config), null);
            }
            if (!execute)
                return new DeployResult(target.deploymentId(), true, false, PLAN, 0, 0, 0, rows, Map.of(), null);
            progress.step("terraform apply (" + rows.size() + " changes)");
            Run apply = run(
                    config.dir(),
                    List.of("apply", "-input=false", "-no-color", "-auto-approve", PLAN),
                    streamed(progress));
            if (apply.exit() == 0) {
                return new DeployResult(target.deploymentId(), true, true, null, 0, 0, 0, rows, outputs(config), null);
            }
            DeployFailure failure = new DeployFailure("terraform apply", errors(apply), null);
            if (IamPropagation.waitBeforeRetry(failure, attempt, s, progress)) continue;
            throw failure.exception();
        }
    }

    @Override
    public List<ResourceChange> diff(GeneratedConfig config, ProgressListener progress) {
        init(config, progress);
        imports(config);
        return plan(config, progress);
    }

    private Map<String, String> outputs(GeneratedConfig config) {
        Run out = run(config.dir(), List.of("output", "-json", "-no-color"), line -> {});
        Map<String, String> map = new TreeMap<>();
        if (out.exit() != 0 || out.text().isBlank()) return map;
        for (var e : GoogleRest.JSON.readTree(out.text()).properties()) {
            if (e.getValue().path("sensitive").asBoolean(false)) continue;
            JsonNode v = e.getValue().path("value");
            map.put(e.getKey(), v.isString() ? v.asString() : v.toString());
        }
        return map;
    }

    @Override
    public Deployed deployed() {
        try (GeneratedConfig config = GeneratedConfig.inTempDir(serviceTarget())) {
            init(config, ProgressListener.NONE);
            Run list = run(config.dir(), List.of("state", "list"), line -> {});
            if (list.exit() != 0 || list.lines().stream().noneMatch(l -> !l.isBlank())) return null;
            return new Deployed(target.deploymentId(), "APPLIED", outputs(config));
        }
    }

    private dev.strato.provider.ServiceTarget serviceTarget() {
        if (service == null) throw new IllegalStateException("no service");
        return service;
    }

    private dev.strato.provider.ServiceTarget service;

    /** The service, for commands (info) that generate on their own. */
    TerraformEngine service(dev.strato.provider.ServiceTarget service) {
        this.service = service;
        return this;
    }

    @Override
    public RemoveResult remove(GeneratedConfig config, boolean includeData, ProgressListener progress) {
        init(config, progress);
        Run list = run(config.dir(), List.of("state", "list"), line -> {});
        List<String> inState = list.exit() == 0
                ? list.lines().stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        StageBucket bucket = new StageBucket(clients.storage(), target);
        if (inState.isEmpty())
            return new RemoveResult(target.deploymentId(), false, bucket.name(), 0, List.of(), List.of());
        List<ConfigDocument.DataResource> data = config.document().dataResources(target);
        DataResources resources = new DataResources(clients);
        List<String> kept = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        if (includeData) {
            resources.emptyBuckets(data, progress);
        } else {
            List<String> forget = new ArrayList<>();
            for (ConfigDocument.DataResource r : data) if (inState.contains(r.address())) forget.add(r.address());
            if (!forget.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("state", "rm"));
                args.addAll(forget);
                Run rm = run(config.dir(), args, streamed(progress));
                if (rm.exit() != 0) throw new DeployFailure("terraform state rm", errors(rm), null).exception();
            }
            kept.addAll(DataResources.names(data));
            if (!kept.isEmpty()) progress.step(InfraManagerEngine.KEPT_NOTE);
        }
        List<String> args = new ArrayList<>(List.of("destroy", "-input=false", "-no-color", "-auto-approve"));
        args.addAll(vars());
        progress.step("terraform destroy");
        Run destroy = run(config.dir(), args, streamed(progress));
        if (destroy.exit() != 0) throw new DeployFailure("terraform destroy", errors(destroy), null).exception();
        if (includeData) {
            for (ConfigDocument.DataResource r : data)
                if (r.type().equals(ConfigDocument.BUCKET)) deleted.add("bucket " + r.name());
            for (String db : resources.deleteDatabases(data, progress)) deleted.add("Firestore database " + db);
        }
        return new RemoveResult(target.deploymentId(), true, bucket.name(), 0, kept, deleted);
    }
}
