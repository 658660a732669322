package dev.strato.importer;

import dev.strato.model.bind.ModelBinder;
import dev.strato.model.bind.ModelSchema;
import dev.strato.model.diag.Position;
import dev.strato.model.support.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Serverless Framework (v1-v4 syntax) serverless.yml → strato.yml. */
final class ServerlessImporter extends Mapping {

    private static final Pattern FILE = dev.strato.model.vars.VariableResolver.FILE;
    private static final Pattern HTTP_SHORT = Pattern.compile("(\\S+)\\s+(\\S*)");

    static final Map<String, String[]> PLUGINS = Map.ofEntries(
            Map.entry(
                    "serverless-offline",
                    new String[] {"runs the functions locally behind an emulated API Gateway", null}),
            Map.entry("serverless-webpack", new String[] {
                "bundles the code with webpack before packaging",
                "build first, then package the output with package.include"
            }),
            Map.entry("serverless-esbuild", new String[] {
                "bundles the code with esbuild before packaging",
                "build first, then package the output with package.include"
            }),
            Map.entry("serverless-plugin-typescript", new String[] {
                "compiles TypeScript before packaging", "build first, then package the output with package.include"
            }),
            Map.entry("serverless-python-requirements", new String[] {
                "installs requirements.txt into the package",
                "install dependencies into the project folder (pip install -t) before generate"
            }),
            Map.entry("serverless-iam-roles-per-function", new String[] {
                "gives each function its own iamRoleStatements",
                "permissions (each strato function has its own role): mapped"
            }),
            Map.entry("serverless-domain-manager", new String[] {"maps a custom domain to the API", null}),
            Map.entry("serverless-dotenv-plugin", new String[] {
                "loads .env files into the environment", "${env:NAME} reads the process environment"
            }),
            Map.entry(
                    "serverless-prune-plugin",
                    new String[] {"deletes old function versions", "strato does not publish versions: not needed"}),
            Map.entry(
                    "serverless-plugin-warmup",
                    new String[] {"invokes functions on a schedule to keep them warm", "a schedule event"}),
            Map.entry("serverless-step-functions", new String[] {"defines Step Functions state machines", null}),
            Map.entry("serverless-dynamodb-local", new String[] {"runs DynamoDB locally", null}),
            Map.entry("serverless-dynamodb", new String[] {"runs DynamoDB locally", null}),
            Map.entry("serverless-s3-sync", new String[] {"uploads local folders to buckets", null}),
            Map.entry("serverless-plugin-tracing", new String[] {"turns on X-Ray tracing", "tracing: true"}),
            Map.entry("serverless-plugin-log-retention", new String[] {"sets log retention", "logRetentionDays"}),
            Map.entry("serverless-plugin-aws-alerts", new String[] {"creates CloudWatch alarms", "alarms: true"}),
            Map.entry(
                    "serverless-plugin-canary-deployments",
                    new String[] {"shifts traffic gradually to new versions", null}),
            Map.entry("serverless-api-gateway-throttling", new String[] {"sets API throttling", null}),
            Map.entry("serverless-associate-waf", new String[] {"attaches a WAF to the API", null}),
            Map.entry("serverless-layers", new String[] {"packages dependencies as Lambda layers", "package.include"}),
            Map.entry("serverless-plugin-split-stacks", new String[] {"splits large stacks into nested stacks", null}),
            Map.entry(
                    "serverless-deployment-bucket",
                    new String[] {"creates the deployment bucket", "deploy chooses the artifact bucket"}));

    private static final Map<String, String> UNSUPPORTED_EVENTS = Map.ofEntries(
            Map.entry("websocket", "http"),
            Map.entry("alb", "http"),
            Map.entry("cloudFront", "http"),
            Map.entry("alexaSkill", "http"),
            Map.entry("alexaSmartHome", "http"),
            Map.entry("iot", "topic"),
            Map.entry("iotFleetProvisioning", "topic"),
            Map.entry("cognitoUserPool", ""),
            Map.entry("cloudwatchLog", ""),
            Map.entry("cloudwatchEvent", "schedule (for a timer) or topic"),
            Map.entry("kinesis", "queue"),
            Map.entry("msk", "queue"),
            Map.entry("kafka", "queue"),
            Map.entry("activemq", "queue"),
            Map.entry("rabbitmq", "queue"));

    private final Src.Obj root;
    private final Deque<String> resolving = new ArrayDeque<>();
    private String region = "us-east-1";
    private Object httpApiCors;
    private Src.Obj httpApiAuthorizers;
    private final List<Src> providerStatements = new ArrayList<>();
    private String providerStatementsPath = "provider.iamRoleStatements";
    private boolean secretsAllowed;
    private boolean restNoted;

    ServerlessImporter(Src.Obj root, String label) {
        super(label);
        this.root = root;
    }

    Target run() {
        service();
        Src resourcesNode = root.get("resources");
        if (resourcesNode instanceof Src.Obj r) registerResources(r.obj("Resources"), "resources.Resources");
        provider();
        params();
        packaging();
        if (resourcesNode instanceof Src.Obj r) {
            mapResources();
            otherResources(r);
        } else if (resourcesNode != null) {
            report.unmapped(
                    resourcesNode.position(),
                    "resources",
                    "resources as a list of files: strato reads one file",
                    "run 'serverless print' and import its output");
        }
        functions();
        for (Src.Obj.Entry e : root.entries().values()) topLevel(e);
        return target;
    }

    // ---- service and provider ----

    private void service() {
        Src s = root.get("service");
        String name = null;
        if (s instanceof Src.Obj o) {
            name = o.text("name");
            report.note(root.at("service"), "service", "service as a map (v1 syntax): its name is the service");
        } else if (s instanceof Src.Scalar sc && sc.value() != null) {
            name = canonical(sc);
        }
        if (name == null || name.isBlank()) {
            report.unmapped(root.position(), "service", "no service name", "service");
            name = "imported";
        }
        target.service = ImportNames.service(name);
        if (!target.service.equals(name)) {
            report.note(
                    root.at("service"),
                    "service",
                    "'" + name + "' is not a strato service name (2-31 lowercase letters, digits or -): renamed "
                            + target.service);
        }
        report.mapped(root.at("service"), "service", "service: " + target.service);
    }

    private void provider() {
        Src.Obj p = root.obj("provider");
        if (p == null) {
            report.unmapped(
                    root.position(), "provider", "no provider block: assumed aws in us-east-1", "providers.aws");
            target.aws.put("region", region);
            return;
        }
        target.stage = ModelBinder.DEFAULT_STAGE;
        for (Src.Obj.Entry e : p.entries().values()) {
            String key = e.key();
            String path = "provider." + key;
            Src v = e.value();
            Position at = e.keyPosition();
            switch (key) {
                case "name" -> {
                    if ("aws".equals(canonical(v))) report.mapped(at, path, "providers.aws");
                    else
                        report.unmapped(
                                at,
                                path,
                                "provider " + canonical(v) + ": only AWS services can be imported; mapped as aws",
                                "providers.aws");
                }
                case "runtime" -> {
                    String r = runtime(v, path);
                    if (r != null) {
                        target.runtime = r;
                        report.mapped(at, path, "runtime: " + r);
                    }
                }
                case "stage" -> {
                    target.stage = stageDefault(v);
                    report.mapped(at, path, "stage: " + target.stage + " (variables for the stage become ${stage})");
                }
                case "region" -> {
                    String r = regionDefault(v);
                    if (r != null) region = r;
                    report.mapped(at, path, "providers.aws.region: " + region);
                }
                case "profile" -> {
                    String t = textOrReport(v, path, "profile", null);
                    if (t != null) {
                        target.aws.put("profile", t);
                        report.mapped(at, path, "providers.aws.profile");
                    }
                }
                case "memorySize", "timeout", "architecture", "logRetentionInDays", "environment", "tags", "tracing" ->
                    setting(target.defaults, key, v, at, path, "defaults");
                case "stackTags" -> setting(target.defaults, "tags", v, at, path, "defaults");
                case "iamRoleStatements" -> {
                    providerStatements.addAll(v instanceof Src.Seq s ? s.items() : List.of());
                    providerStatementsPath = path;
                }
                case "iam" -> iam(v, path);
                case "iamManagedPolicies" ->
                    report.unmapped(
                            at,
                            path,
                            "managed policies: strato grants verbs on the service's own resources only",
                            "permissions");
                case "httpApi" -> httpApi(v, path);
                default -> report.unmapped(at, path, providerReason(key), providerClosest(key));
            }
        }
        target.aws.put("region", region);
        if (!p.has("region"))
            report.note(p.position(), "provider.region", "no region: Serverless Framework's default us-east-1");
        if (!p.has("timeout")) {
            target.defaults.put("timeout", "6s");
            report.note(
                    p.position(),
                    "provider.timeout",
                    "no timeout: Serverless Framework's default 6s kept (strato's is 10s)");
        }
        if (!p.has("architecture")) {
            target.defaults.put("architecture", "x86_64");
            report.note(
                    p.position(),
                    "provider.architecture",
                    "no architecture: Lambda's default x86_64 kept (strato's is arm64)");
        }
    }

    private static String providerReason(String key) {
        return switch (key) {
            case "apiGateway" -> "REST API settings (keys, usage plans, binary types): strato makes one HTTP API";
            case "vpc" -> VPC_REASON;
            case "layers" -> LAYERS_REASON;
            case "deploymentBucket",
                    "deploymentMethod",
                    "deploymentPrefix",
                    "versionFunctions",
                    "stackName",
                    "cfnRole",
                    "notificationArns",
                    "rollbackConfiguration",
                    "disableRollback",
                    "stackPolicy",
                    "stackParameters" -> "deployment setting: strato generate writes a template; deploy is separate";
            case "logs" -> "API and websocket logging settings";
            case "kmsKeyArn" -> "strato encrypts with the provider's managed keys";
            default -> "provider." + key + " has no strato equivalent";
        };
    }

    private static String providerClosest(String key) {
        return switch (key) {
            case "apiGateway" -> "http events";
            case "layers" -> LAYERS_CLOSEST;
            default -> null;
        };
    }

    /** A function setting (provider-wide into defaults, or a function's own). */
    private void setting(Map<String, Object> out, String key, Src v, Position at, String path, String outPath) {
        switch (key) {
            case "memorySize" -> number(v, path).ifPresent(n -> put(out, "memory", n, at, path, outPath));
            case "timeout" -> number(v, path).ifPresent(n -> put(out, "timeout", n + "s", at, path, outPath));
            case "logRetentionInDays" ->
                number(v, path).ifPresent(n -> put(out, "logRetentionDays", n, at, path, outPath));
            case "architecture" -> {
                String a = textOrReport(v, path, "architecture", null);
                if (a != null) put(out, "architecture", a, at, path, outPath);
            }
            case "tracing" -> {
                Object lambda = v instanceof Src.Obj o ? Src.plain(o.get("lambda")) : Src.plain(v);
                boolean on = Boolean.TRUE.equals(lambda) || "Active".equals(lambda) || "true".equals(lambda);
                put(out, "tracing", on, at, path, outPath);
                if (v instanceof Src.Obj o && o.has("apiGateway")) {
                    report.unmapped(
                            o.at("apiGateway"),
                            path + ".apiGateway",
                            "API Gateway tracing: strato traces functions",
                            "tracing: true");
                }
            }
            case "environment" -> environment(v, path, out, outPath);
            case "tags" -> tags(v, path, out, outPath);
            default -> {}
        }
    }

    private void put(Map<String, Object> out, String key, Object value, Position at, String path, String outPath) {
        out.put(key, value);
        report.mapped(at, path, outPath + "." + key + ": " + value);
    }

    private java.util.Optional<Long> number(Src v, String path) {
        Translated t = translate(v);
        Long n = t.ok() ? asLong(t.value()) : null;
        if (n == null) report.unmapped(v.position(), path, t.ok() ? "not a whole number" : t.error(), null);
        return java.util.Optional.ofNullable(n);
    }

    private void environment(Src v, String path, Map<String, Object> out, String outPath) {
        if (!(v instanceof Src.Obj env)) {
            report.unmapped(v.position(), path, "environment must be a map", null);
            return;
        }
        Map<String, Object> vars = Target.submap(out, "environment");
        secretsAllowed = true;
        try {
            for (Src.Obj.Entry e : env.entries().values()) {
                String epath = path + "." + e.key();
                if (!e.key().matches(ModelSchema.ENV_NAME)) {
                    report.unmapped(
                            e.keyPosition(),
                            epath,
                            "'" + e.key() + "' is not an environment variable name strato accepts",
                            null);
                    continue;
                }
                String ref = e.value() instanceof Src.Scalar ? nameReference(e.value()) : null;
                if (ref != null) {
                    vars.put(e.key(), ref);
                    report.mapped(
                            e.keyPosition(),
                            epath,
                            outPath + ".environment." + e.key() + ": " + ref + " (the resource's generated name)");
                    continue;
                }
                String text = textOrReport(e.value(), epath, "environment value", null);
                if (text != null) {
                    vars.put(e.key(), text);
                    report.mapped(e.keyPosition(), epath, outPath + ".environment." + e.key());
                    if (text.contains("${secret:")) {
                        report.note(
                                e.value().position(),
                                epath,
                                "SSM parameter read as a secret: ${secret:NAME} is a Secrets Manager secret on AWS; store the value there");
                    }
                }
            }
        } finally {
            secretsAllowed = false;
        }
        if (vars.isEmpty()) out.remove("environment");
    }

    private void tags(Src v, String path, Map<String, Object> out, String outPath) {
        if (!(v instanceof Src.Obj tags)) {
            report.unmapped(v.position(), path, "tags must be a map", null);
            return;
        }
        Map<String, Object> m = Target.submap(out, "tags");
        for (Src.Obj.Entry e : tags.entries().values()) {
            String text = textOrReport(e.value(), path + "." + e.key(), "tag value", null);
            if (text != null) m.putIfAbsent(e.key(), text);
        }
        report.mapped(v.position(), path, outPath + ".tags");
        if (m.isEmpty()) out.remove("tags");
    }

    private void iam(Src v, String path) {
        if (!(v instanceof Src.Obj iam)) return;
        for (Src.Obj.Entry e : iam.entries().values()) {
            String ipath = path + "." + e.key();
            if (e.key().equals("role") && e.value() instanceof Src.Obj role) {
                for (Src.Obj.Entry r : role.entries().values()) {
                    String rpath = ipath + "." + r.key();
                    if (r.key().equals("statements")) {
                        providerStatements.addAll(r.value() instanceof Src.Seq s ? s.items() : List.of());
                        providerStatementsPath = rpath;
                    } else if (r.key().equals("managedPolicies")) {
                        Iam managed =
                                new Iam(this, new LinkedHashMap<>(), "", new Iam.Implied(Set.of(), Set.of(), null));
                        List<Src> items = r.value() instanceof Src.Seq s ? s.items() : List.of(r.value());
                        for (int i = 0; i < items.size(); i++)
                            managed.managedPolicy(items.get(i), rpath + "[" + i + "]");
                    } else {
                        report.unmapped(
                                r.keyPosition(),
                                rpath,
                                "role " + r.key() + ": strato makes one role per function",
                                null);
                    }
                }
            } else {
                report.unmapped(
                        e.keyPosition(),
                        ipath,
                        e.key().equals("role")
                                ? "an existing role: strato makes one least-privilege role per function"
                                : "iam." + e.key() + " has no strato equivalent",
                        "permissions");
            }
        }
    }

    private void httpApi(Src v, String path) {
        if (!(v instanceof Src.Obj h)) return;
        for (Src.Obj.Entry e : h.entries().values()) {
            switch (e.key()) {
                case "cors" -> {
                    httpApiCors = cors(e.value(), path + ".cors");
                    report.mapped(e.keyPosition(), path + ".cors", "cors of every httpApi event");
                }
                case "authorizers" -> httpApiAuthorizers = e.value() instanceof Src.Obj o ? o : null;
                default ->
                    report.unmapped(
                            e.keyPosition(),
                            path + "." + e.key(),
                            "HTTP API setting " + e.key() + " has no strato equivalent",
                            null);
            }
        }
    }

    private String stageDefault(Src v) {
        if (v instanceof Src.Scalar s && s.isString()) {
            String t = s.text().strip();
            List<Object> parts = ServerlessVars.parts(t);
            if (parts != null && parts.size() == 1 && parts.get(0) instanceof ServerlessVars.Var var) {
                for (String fb : var.fallbacks()) {
                    String lit = ServerlessVars.isQuoted(fb) ? fb.substring(1, fb.length() - 1) : fb;
                    if (lit.matches(ModelSchema.STAGE_NAME)) return lit;
                }
            } else if (t.matches(ModelSchema.STAGE_NAME)) {
                return t;
            }
        }
        report.note(
                v.position(),
                "provider.stage",
                "stage '" + canonical(v) + "' is not a literal stage: strato's default dev");
        return ModelBinder.DEFAULT_STAGE;
    }

    private String regionDefault(Src v) {
        if (!(v instanceof Src.Scalar s) || !s.isString()) return null;
        List<Object> parts = ServerlessVars.parts(s.text().strip());
        if (parts != null && parts.size() == 1 && parts.get(0) instanceof String lit) return lit;
        if (parts != null && parts.size() == 1 && parts.get(0) instanceof ServerlessVars.Var var) {
            for (String fb : var.fallbacks()) {
                if (ServerlessVars.isQuoted(fb)) return fb.substring(1, fb.length() - 1);
                if (fb.matches("[a-z]{2}-[a-z]+-\\d")) return fb;
            }
        }
        report.note(
                v.position(),
                "provider.region",
                "region '" + s.text() + "' is not a literal: us-east-1 used; set providers.aws.region");
        return null;
    }

    // ---- params, package, other top-level keys ----

    private void params() {
        Src.Obj p = root.obj("params");
        if (p == null) return;
        for (Src.Obj.Entry stage : p.entries().values()) {
            if (!(stage.value() instanceof Src.Obj values)) continue;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Src.Obj.Entry e : values.entries().values()) {
                Translated t = translate(e.value());
                if (t.ok()) out.put(e.key(), t.value());
                else report.unmapped(e.keyPosition(), "params." + stage.key() + "." + e.key(), t.error(), null);
            }
            target.params.put(stage.key(), out);
        }
        report.mapped(root.at("params"), "params", "params (read with ${param:NAME})");
    }

    private void packaging() {
        Src.Obj p = root.obj("package");
        if (p == null) return;
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (Src.Obj.Entry e : p.entries().values()) {
            String path = "package." + e.key();
            switch (e.key()) {
                case "patterns" -> {
                    for (Src item : list(e.value())) {
                        String glob = canonical(item);
                        if (glob == null) continue;
                        if (glob.startsWith("!")) exclude.add(glob.substring(1));
                        else include.add(glob);
                    }
                    report.mapped(
                            e.keyPosition(), path, "package.include/exclude (patterns starting with ! are excludes)");
                }
                case "include", "exclude" -> {
                    for (Src item : list(e.value())) {
                        String glob = canonical(item);
                        if (glob != null) (e.key().equals("include") ? include : exclude).add(glob);
                    }
                    report.mapped(e.keyPosition(), path, "package." + e.key());
                }
                case "individually" -> {
                    target.packaging.put("individually", Boolean.TRUE.equals(Src.plain(e.value())));
                    report.mapped(e.keyPosition(), path, "package.individually");
                }
                case "excludeDevDependencies" ->
                    report.note(
                            e.keyPosition(),
                            path,
                            "strato packages what package.include names; exclude node_modules dev dependencies yourself");
                default ->
                    report.unmapped(
                            e.keyPosition(),
                            path,
                            "package." + e.key() + ": strato builds each package from the project's files",
                            "package.include");
            }
        }
        if (!include.isEmpty()) target.packaging.put("include", include);
        if (!exclude.isEmpty()) target.packaging.put("exclude", exclude);
    }

    private static List<Src> list(Src v) {
        return v instanceof Src.Seq s ? s.items() : List.of(v);
    }

    private void topLevel(Src.Obj.Entry e) {
        Position at = e.keyPosition();
        switch (e.key()) {
            case "service", "provider", "functions", "resources", "params", "package" -> {}
            case "frameworkVersion" -> report.note(at, e.key(), "Serverless Framework version " + canonical(e.value()));
            case "custom" -> {
                if (e.value() instanceof Src.Obj custom) {
                    for (Src.Obj.Entry c : custom.entries().values()) {
                        report.unmapped(
                                c.keyPosition(),
                                "custom." + c.key(),
                                "custom settings are for plugins and variables; values read with ${self:custom...} were inlined",
                                null);
                    }
                }
            }
            case "plugins" -> plugins(e.value());
            case "useDotenv" ->
                report.note(at, e.key(), ".env files are not read: ${env:NAME} reads the process environment");
            case "configValidationMode",
                    "variablesResolutionMode",
                    "deprecationNotificationMode",
                    "disabledDeprecations",
                    "unresolvedVariablesNotificationMode" ->
                report.note(at, e.key(), "Serverless Framework CLI setting: not needed");
            case "org", "app", "tenant", "console", "dashboard", "license" ->
                report.unmapped(at, e.key(), "Serverless Dashboard/Console setting", null);
            case "layers" -> report.unmapped(at, e.key(), LAYERS_REASON, LAYERS_CLOSEST);
            case "stepFunctions" ->
                report.unmapped(at, e.key(), "Step Functions state machines have no strato equivalent", null);
            case "outputs" ->
                report.unmapped(
                        at,
                        e.key(),
                        "service outputs: strato's stack outputs every function's and resource's name and ARN",
                        null);
            default -> report.unmapped(at, e.key(), "unknown top-level key " + e.key(), null);
        }
    }

    private void plugins(Src v) {
        List<Src> items = v instanceof Src.Obj o
                ? list(o.get("modules") == null ? new Src.Seq(List.of(), o.position()) : o.get("modules"))
                : list(v);
        for (int i = 0; i < items.size(); i++) {
            String name = canonical(items.get(i));
            String[] known = PLUGINS.get(name);
            String what = known == null
                    ? "plugin " + name + ": unknown to the importer; check what it adds to the stack"
                    : "plugin " + name + " " + known[0];
            report.unmapped(items.get(i).position(), "plugins[" + i + "]", what, known == null ? null : known[1]);
        }
    }

    private void otherResources(Src.Obj r) {
        for (Src.Obj.Entry e : r.entries().values()) {
            if (e.key().equals("Resources")) {
                if (!(e.value() instanceof Src.Obj all)) continue;
                for (Src.Obj.Entry res : all.entries().values()) {
                    if (resources.containsKey(res.key())) continue;
                    String type = res.value() instanceof Src.Obj o ? o.text("Type") : null;
                    report.unmapped(
                            res.keyPosition(),
                            "resources.Resources." + res.key(),
                            "resource type " + type + " has no strato equivalent",
                            CfnImporter.closestResource(type));
                }
            } else {
                report.unmapped(
                        e.keyPosition(),
                        "resources." + e.key(),
                        "CloudFormation " + e.key() + ": strato generates the whole template",
                        null);
            }
        }
    }

    // ---- functions ----

    private void functions() {
        Src.Obj fs = root.obj("functions");
        if (fs == null) {
            report.unmapped(root.position(), "functions", "no functions", "functions");
            return;
        }
        implicitResources(fs);
        for (Src.Obj.Entry e : fs.entries().values()) {
            if (e.value() instanceof Src.Obj f) function(e.key(), f, e.keyPosition());
            else report.unmapped(e.keyPosition(), "functions." + e.key(), "a function must be a map", null);
        }
    }

    /** Topics and buckets that events create, known before any function's permissions are read. */
    private void implicitResources(Src.Obj fs) {
        for (Src.Obj.Entry e : fs.entries().values()) {
            if (!(e.value() instanceof Src.Obj f) || !(f.get("events") instanceof Src.Seq events)) continue;
            for (int i = 0; i < events.items().size(); i++) {
                if (!(events.items().get(i) instanceof Src.Obj o) || o.entries().size() != 1) continue;
                String path = "functions." + e.key() + ".events[" + i + "]";
                Src v = o.get("sns") != null ? o.get("sns") : o.get("s3");
                if (v == null) continue;
                String type = o.has("sns") ? "topic" : "bucket";
                Src.Obj m = v instanceof Src.Obj obj ? obj : null;
                Src name = m == null ? v : m.get(type.equals("topic") ? "topicName" : "bucket");
                if (name == null || m != null && (m.has("arn") || Boolean.TRUE.equals(Src.plain(m.get("existing")))))
                    continue;
                String physical = name instanceof Src.Scalar ? canonical(name) : null;
                if (physical == null || physical.startsWith("arn:") || reference(name) != null) continue;
                implicit(physical, type, name.position(), path + "." + (type.equals("topic") ? "sns" : "s3"));
            }
        }
    }

    private void function(String key, Src.Obj f, Position at) {
        String path = "functions." + key;
        String name = ImportNames.function(key);
        if (!name.equals(key)) report.note(at, path, "'" + key + "' is not a strato function name: renamed " + name);
        if (!f.has("handler")) {
            report.unmapped(
                    at,
                    path,
                    f.has("image")
                            ? "container image functions: strato packages code for a runtime"
                            : "a function without handler",
                    "handler");
            return;
        }
        Map<String, Object> out = target.function(name);
        String outPath = "functions." + name;
        Set<String> queues = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        String deadLetter = null;
        for (Src.Obj.Entry e : f.entries().values()) {
            String k = e.key();
            String kpath = path + "." + k;
            Src v = e.value();
            switch (k) {
                case "handler" -> {
                    String h = textOrReport(v, kpath, "handler", null);
                    if (h != null) out.put("handler", h);
                }
                case "description" -> {
                    String d = textOrReport(v, kpath, "description", null);
                    if (d != null) out.put("description", d);
                }
                case "runtime" -> {
                    String r = runtime(v, kpath);
                    if (r != null && !r.equals(target.runtime)) out.put("runtime", r);
                }
                case "memorySize", "timeout", "logRetentionInDays", "architecture", "tracing", "environment", "tags" ->
                    setting(out, k, v, e.keyPosition(), kpath, outPath);
                case "maximumRetryAttempts" ->
                    number(v, kpath).ifPresent(n -> put(out, "retries", n, e.keyPosition(), kpath, outPath));
                case "destinations", "onError" -> {
                    Src arn = v instanceof Src.Obj d ? d.get("onFailure") : v;
                    if (arn instanceof Src.Obj o) arn = o.get("arn");
                    Res r = arn == null ? null : reference(arn);
                    if (r != null && r.type().equals("queue")) {
                        deadLetter = r.name();
                        out.put("deadLetter", r.name());
                        report.mapped(e.keyPosition(), kpath, outPath + ".deadLetter: " + r.name());
                    } else {
                        report.unmapped(
                                e.keyPosition(),
                                kpath,
                                "only a failure destination that is a queue of this service can be a deadLetter",
                                "deadLetter: <queue>");
                    }
                    if (v instanceof Src.Obj d && d.has("onSuccess")) {
                        report.unmapped(
                                d.at("onSuccess"),
                                kpath + ".onSuccess",
                                "success destinations have no strato equivalent",
                                null);
                    }
                }
                case "reservedConcurrency", "provisionedConcurrency", "concurrencyAutoscaling" ->
                    report.unmapped(e.keyPosition(), kpath, k + ": strato does not set function concurrency", null);
                case "name" ->
                    report.note(e.keyPosition(), kpath, "strato names functions <service>-<stage>-<function>");
                case "events" -> events(name, v, kpath, out, queues, tables);
                case "iamRoleStatements" -> {}
                case "url" ->
                    report.unmapped(
                            e.keyPosition(),
                            kpath,
                            "function URLs: strato routes HTTP through its API",
                            "an http event");
                default -> report.unmapped(e.keyPosition(), kpath, functionReason(k), null);
            }
        }
        if (!out.containsKey("handler")) {
            target.functions.remove(name);
            return;
        }
        Iam iam = new Iam(this, out, name, new Iam.Implied(queues, tables, deadLetter));
        iam.statements(providerStatements, providerStatementsPath);
        if (f.get("iamRoleStatements") instanceof Src.Seq s) iam.statements(s.items(), path + ".iamRoleStatements");
        iam.finish();
        report.mapped(at, path, outPath);
    }

    private static String functionReason(String key) {
        return switch (key) {
            case "layers" -> LAYERS_REASON;
            case "vpc" -> VPC_REASON;
            case "package" -> "per-function package settings: strato's package section applies to all";
            case "role" -> "an existing role: strato makes one least-privilege role per function";
            case "image" -> "container images: strato packages code for a runtime";
            default -> "function setting " + key + " has no strato equivalent";
        };
    }

    // ---- events ----

    private void events(
            String function, Src v, String path, Map<String, Object> out, Set<String> queues, Set<String> tables) {
        if (!(v instanceof Src.Seq list)) {
            report.unmapped(v.position(), path, "events must be a list", null);
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            Src item = list.items().get(i);
            String ipath = path + "[" + i + "]";
            if (!(item instanceof Src.Obj o) || o.entries().size() != 1) {
                report.unmapped(item.position(), ipath, "an event must be a map with one key, its type", null);
                continue;
            }
            Src.Obj.Entry e = o.entries().values().iterator().next();
            String epath = ipath + "." + e.key();
            List<Map<String, Object>> mapped = switch (e.key()) {
                case "http" -> one(http(e.value(), epath, false));
                case "httpApi" -> one(http(e.value(), epath, true));
                case "schedule" -> schedule(e.value(), epath);
                case "sqs" -> one(sqs(e.value(), epath, queues));
                case "sns" -> one(sns(e.value(), epath));
                case "s3" -> one(s3(e.value(), epath));
                case "stream" -> one(stream(e.value(), epath, tables));
                case "eventBridge" -> eventBridge(e.value(), epath);
                default -> {
                    String closest = UNSUPPORTED_EVENTS.get(e.key());
                    report.unmapped(
                            e.keyPosition(),
                            epath,
                            closest == null
                                    ? "unknown event type " + e.key()
                                    : e.key() + " events have no strato equivalent",
                            closest == null || closest.isEmpty() ? null : closest);
                    yield List.of();
                }
            };
            for (Map<String, Object> event : mapped) {
                Target.events(out).add(event);
                report.mapped(
                        e.keyPosition(),
                        epath,
                        "functions." + function + ".events: "
                                + event.keySet().iterator().next());
            }
        }
    }

    private static List<Map<String, Object>> one(Map<String, Object> event) {
        return event == null ? List.of() : List.of(event);
    }

    private static Map<String, Object> event(String kind, Object body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(kind, body);
        return m;
    }

    private Map<String, Object> http(Src v, String path, boolean httpApi) {
        String method;
        String route;
        Object cors = httpApi ? httpApiCors : null;
        Object auth = null;
        if (v instanceof Src.Scalar s && s.isString()) {
            if (s.text().strip().equals("*")) {
                method = "ANY";
                route = "/{proxy+}";
                report.note(s.position(), path, "the catch-all route * becomes ANY /{proxy+}");
            } else {
                Matcher m = HTTP_SHORT.matcher(s.text().strip());
                if (!m.matches()) {
                    report.unmapped(s.position(), path, "expected 'METHOD path'", "http: GET /path");
                    return null;
                }
                method = m.group(1);
                route = m.group(2);
            }
        } else if (v instanceof Src.Obj o) {
            method = o.text("method") == null ? (httpApi ? "*" : null) : o.text("method");
            route = o.text("path") == null ? (httpApi ? "/{proxy+}" : null) : canonical(o.get("path"));
            if (method == null || route == null) {
                report.unmapped(o.position(), path, "an http event needs method and path", "http: { method, path }");
                return null;
            }
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "method", "path" -> {}
                    case "cors" -> cors = cors(e.value(), epath);
                    case "private" -> {
                        if (Boolean.TRUE.equals(Src.plain(e.value()))) {
                            report.unmapped(
                                    e.keyPosition(),
                                    epath,
                                    "API keys: strato's AWS HTTP API has none",
                                    "auth: { type: jwt, issuer, audience }");
                        }
                    }
                    case "authorizer" -> auth = authorizer(e.value(), epath, httpApi, auth);
                    case "integration" -> {
                        if (!"lambda-proxy".equalsIgnoreCase(canonical(e.value()))
                                && !"aws_proxy".equalsIgnoreCase(canonical(e.value()))) {
                            report.unmapped(
                                    e.keyPosition(),
                                    epath,
                                    "integration " + canonical(e.value()) + ": strato routes proxy the whole request",
                                    null);
                        }
                    }
                    case "async" ->
                        report.unmapped(
                                e.keyPosition(),
                                epath,
                                "asynchronous HTTP invocation has no strato equivalent",
                                "a queue event");
                    default ->
                        report.unmapped(
                                e.keyPosition(),
                                epath,
                                "http event setting " + e.key() + " has no strato equivalent",
                                null);
                }
            }
        } else {
            report.unmapped(v.position(), path, "an http event is 'METHOD path' or a map", null);
            return null;
        }
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("*")) method = "ANY";
        if (!route.startsWith("/")) route = "/" + route;
        if (route.length() > 1 && route.endsWith("/")) route = route.substring(0, route.length() - 1);
        if (!httpApi && !restNoted) {
            restNoted = true;
            report.note(
                    v.position(),
                    path,
                    "REST API (http) events become routes of one HTTP API: request/response templates, API keys per stage and usage plans do not carry over");
        }
        if (cors == null && auth == null) return event("http", method + " " + route);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("path", route);
        if (cors != null) m.put("cors", cors);
        if (auth != null) m.put("auth", auth);
        return event("http", m);
    }

    private Object authorizer(Src v, String path, boolean httpApi, Object current) {
        Src.Obj a = v instanceof Src.Obj o ? o : null;
        String name = a != null ? a.text("name") : canonical(v);
        String type = a != null && a.text("type") != null ? a.text("type").toLowerCase(Locale.ROOT) : null;
        if (httpApi && name != null && httpApiAuthorizers != null && httpApiAuthorizers.obj(name) != null) {
            Src.Obj def = httpApiAuthorizers.obj(name);
            String kind = def.text("type") == null ? "jwt" : def.text("type").toLowerCase(Locale.ROOT);
            if (kind.equals("jwt") && def.text("issuerUrl") != null) {
                Map<String, Object> jwt = new LinkedHashMap<>();
                jwt.put("type", "jwt");
                jwt.put("issuer", def.text("issuerUrl"));
                List<String> audience = new ArrayList<>();
                for (Src aud : list(
                        def.get("audience") == null ? new Src.Seq(List.of(), def.position()) : def.get("audience"))) {
                    String t = textOrReport(aud, path, "audience", null);
                    if (t != null) audience.add(t);
                }
                if (!audience.isEmpty()) jwt.put("audience", audience);
                report.mapped(v.position(), path, "auth: jwt (authorizer " + name + ")");
                return jwt;
            }
        }
        String reason = type != null && type.contains("iam")
                ? "IAM authorization"
                : type != null && type.contains("cognito")
                        ? "a Cognito user pool authorizer"
                        : "a Lambda (request) authorizer";
        report.unmapped(
                v.position(),
                path,
                reason + " has no strato equivalent",
                "auth: { type: jwt, issuer, audience } or auth: key");
        return current;
    }

    private Object cors(Src v, String path) {
        Object plain = Src.plain(v);
        if (Boolean.TRUE.equals(plain) || "true".equals(plain) || "*".equals(plain)) return true;
        if (!(v instanceof Src.Obj o)) return null;
        Map<String, Object> c = new LinkedHashMap<>();
        for (Src.Obj.Entry e : o.entries().values()) {
            Object value = Src.plain(e.value());
            List<Object> values =
                    value instanceof List<?> l ? new ArrayList<>(l) : value == null ? List.of() : List.of(value);
            switch (e.key()) {
                case "origin", "origins", "allowedOrigins" -> c.put("origins", values);
                case "headers", "allowedHeaders" -> c.put("headers", values);
                case "methods", "allowedMethods" -> c.put("methods", values);
                case "allowCredentials" -> c.put("credentials", Boolean.TRUE.equals(value));
                case "maxAge" -> {
                    if (value instanceof Long n) c.put("maxAge", Durations.format(Duration.ofSeconds(n)));
                }
                default ->
                    report.unmapped(
                            e.keyPosition(),
                            path + "." + e.key(),
                            "cors setting " + e.key() + " has no strato equivalent",
                            null);
            }
        }
        return c.isEmpty() ? true : c;
    }

    private List<Map<String, Object>> schedule(Src v, String path) {
        List<Src> rates = new ArrayList<>();
        Src.Obj o = v instanceof Src.Obj obj ? obj : null;
        if (o == null) rates.add(v);
        else rates.addAll(list(o.get("rate") == null ? new Src.Seq(List.of(), o.position()) : o.get("rate")));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (o != null) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "rate", "name", "description", "method" -> {}
                    case "enabled" ->
                        extra.put(
                                "enabled",
                                !Boolean.FALSE.equals(Src.plain(e.value())) && !"false".equals(Src.plain(e.value())));
                    case "input" -> input(e.value(), epath).ifPresent(in -> extra.put("input", in));
                    case "timezone" -> extra.put("timezone", canonical(e.value()));
                    default ->
                        report.unmapped(
                                e.keyPosition(),
                                epath,
                                "schedule setting " + e.key() + " has no strato equivalent",
                                "input");
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Src r : rates) {
            String expression = canonical(r);
            Schedules.Converted c = expression == null
                    ? Schedules.Converted.failed("not a schedule expression")
                    : Schedules.convert(expression);
            if (c.error() != null) {
                report.unmapped(r.position(), path, c.error(), "schedule: { cron: 5-field unix cron } or { rate: 5m }");
                continue;
            }
            if (c.cron() != null && !expression.equals(c.cron()))
                report.note(r.position(), path, expression + " becomes unix cron '" + c.cron() + "'");
            out.add(event("schedule", scheduleBody(c, extra)));
        }
        return out;
    }

    static Object scheduleBody(Schedules.Converted c, Map<String, Object> extra) {
        if (extra.isEmpty()) return c.cron() != null ? c.cron() : c.rate();
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.cron() != null) m.put("cron", c.cron());
        else m.put("rate", c.rate());
        m.putAll(extra);
        return m;
    }

    private java.util.Optional<Object> input(Src v, String path) {
        if (v instanceof Src.Scalar s && s.isString()) {
            try {
                Object parsed = Src.plain(SourceReader.read(s.text(), label));
                if (parsed instanceof Map || parsed instanceof List) return java.util.Optional.of(parsed);
            } catch (ImportException e) {
                // plain text input
            }
        }
        Translated t = translate(v);
        if (t.ok()) return java.util.Optional.ofNullable(t.value());
        report.unmapped(v.position(), path, t.error(), null);
        return java.util.Optional.empty();
    }

    private Map<String, Object> sqs(Src v, String path, Set<String> queues) {
        Src arn = v instanceof Src.Obj o ? o.get("arn") : v;
        Res r = arn == null ? null : reference(arn);
        if (r == null || !r.type().equals("queue")) {
            report.unmapped(
                    v.position(),
                    path,
                    "the queue is not an SQS queue declared in this service's resources",
                    "declare it under resources, then queue: NAME");
            return null;
        }
        queues.add(r.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue", r.name());
        if (v instanceof Src.Obj o) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "arn" -> {}
                    case "batchSize" -> number(e.value(), epath).ifPresent(n -> m.put("batchSize", n));
                    case "functionResponseType" ->
                        report.note(e.keyPosition(), epath, "strato always reports partial batch failures");
                    default ->
                        report.unmapped(
                                e.keyPosition(), epath, "sqs setting " + e.key() + " has no strato equivalent", null);
                }
            }
        }
        return event("queue", m.size() == 1 ? r.name() : m);
    }

    private Map<String, Object> sns(Src v, String path) {
        Src.Obj o = v instanceof Src.Obj obj ? obj : null;
        Src arn = o != null ? o.get("arn") : v;
        String topic;
        if (arn != null
                && (arn instanceof Src.Fn
                        || canonical(arn) != null && canonical(arn).startsWith("arn:"))) {
            Res r = reference(arn);
            if (r == null || !r.type().equals("topic")) {
                report.unmapped(
                        v.position(),
                        path,
                        "the topic is not an SNS topic declared in this service's resources",
                        "declare it under resources, then topic: NAME");
                return null;
            }
            topic = r.name();
        } else {
            String name = o != null ? o.text("topicName") : canonical(v);
            if (name == null) {
                report.unmapped(v.position(), path, "an sns event needs a topic name or ARN", "topic: NAME");
                return null;
            }
            topic = implicit(name, "topic", v.position(), path);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", topic);
        if (o != null) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "arn", "topicName", "displayName" -> {}
                    case "filterPolicy" -> filter(e.value(), epath).ifPresent(f -> m.put("filter", f));
                    default ->
                        report.unmapped(
                                e.keyPosition(), epath, "sns setting " + e.key() + " has no strato equivalent", null);
                }
            }
        }
        return event("topic", m.size() == 1 ? topic : m);
    }

    java.util.Optional<Map<String, Object>> filter(Src v, String path) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (v instanceof Src.Obj o) {
            for (Src.Obj.Entry e : o.entries().values()) {
                Object plain = Src.plain(e.value());
                List<?> values = plain instanceof List<?> l ? l : List.of(plain == null ? "" : plain);
                if (values.stream().allMatch(x -> x instanceof String)) {
                    f.put(e.key(), values);
                } else {
                    report.unmapped(
                            e.keyPosition(),
                            path + "." + e.key(),
                            "numeric, prefix and exists conditions have no strato equivalent",
                            "filter: { attribute: [values] }");
                }
            }
        }
        return f.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(f);
    }

    /** A topic or bucket that Serverless Framework creates for an event: a strato resource of its own. */
    private String implicit(String physical, String type, Position at, String path) {
        for (Res r : resources.values()) {
            Src name = r.properties().get(type.equals("topic") ? "TopicName" : "BucketName");
            if (r.type().equals(type) && name != null && physical.equals(canonical(name))) return r.name();
        }
        String base = physical.replaceAll("\\$\\{[^}]*\\}", "-");
        if (base.startsWith(target.service + "-")) base = base.substring(target.service.length() + 1);
        base = base.replaceAll("^-+|-+$", "");
        String name = ImportNames.resource(ImportNames.camel(base.isEmpty() ? type : base), type);
        if (!target.resources.containsKey(name)) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("type", type);
            target.resources.put(name, res);
            Map<String, Src.Obj.Entry> props = new LinkedHashMap<>();
            String key = type.equals("topic") ? "TopicName" : "BucketName";
            props.put(key, new Src.Obj.Entry(key, at, new Src.Scalar(physical, physical, at)));
            resources.put(
                    "implicit:" + name, new Res("implicit:" + name, name, type, new Src.Obj(props, at), at, path));
            report.mapped(
                    at,
                    path,
                    "resources." + name + " (" + type + " '" + physical
                            + "' that Serverless Framework creates for the event; strato names it itself)");
        }
        return name;
    }

    private Map<String, Object> s3(Src v, String path) {
        Src.Obj o = v instanceof Src.Obj obj ? obj : null;
        Src bucketNode = o != null ? o.get("bucket") : v;
        if (bucketNode == null) {
            report.unmapped(v.position(), path, "an s3 event needs a bucket", "bucket: NAME");
            return null;
        }
        Res declared = reference(bucketNode);
        boolean existing = o != null && Boolean.TRUE.equals(Src.plain(o.get("existing")));
        String bucket;
        if (declared != null && declared.type().equals("bucket")) {
            bucket = declared.name();
        } else if (existing) {
            report.unmapped(
                    o.at("existing"),
                    path + ".existing",
                    "an existing bucket outside this service: strato triggers only on its own buckets",
                    "declare the bucket under resources (strato then creates it)");
            return null;
        } else {
            String physical = canonical(bucketNode);
            if (physical == null) {
                report.unmapped(bucketNode.position(), path, "bucket name cannot be resolved", "bucket: NAME");
                return null;
            }
            bucket = implicit(physical, "bucket", bucketNode.position(), path);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", bucket);
        if (o != null) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "bucket", "existing", "forceDeploy" -> {}
                    case "event" -> {
                        String action = s3Action(canonical(e.value()), e.value().position(), epath);
                        if (action == null) return null;
                        m.put("on", List.of(action));
                    }
                    case "rules" -> {
                        for (Src rule : list(e.value())) {
                            if (!(rule instanceof Src.Obj r)) continue;
                            if (r.text("prefix") != null) m.put("prefix", r.text("prefix"));
                            if (r.text("suffix") != null) m.put("suffix", r.text("suffix"));
                        }
                    }
                    default ->
                        report.unmapped(
                                e.keyPosition(), epath, "s3 setting " + e.key() + " has no strato equivalent", null);
                }
            }
        }
        if (m.containsKey("on") && m.get("on").equals(List.of("created"))) m.remove("on");
        return event("bucket", m.size() == 1 ? bucket : m);
    }

    private Map<String, Object> stream(Src v, String path, Set<String> tables) {
        Src.Obj o = v instanceof Src.Obj obj ? obj : null;
        Src arn = o != null ? o.get("arn") : v;
        String type = o != null ? o.text("type") : null;
        String text = arn == null ? null : canonical(arn);
        if ("kinesis".equals(type) || text != null && text.contains(":kinesis:")) {
            report.unmapped(v.position(), path, "Kinesis streams have no strato equivalent", "a queue event");
            return null;
        }
        Res r = arn == null ? null : reference(arn);
        if (r == null || !r.type().equals("table")) {
            report.unmapped(
                    v.position(),
                    path,
                    "the stream is not the stream of a DynamoDB table declared in this service's resources",
                    "declare the table, then table: NAME");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) target.resources.get(r.name());
        if (table != null && !Boolean.TRUE.equals(table.get("stream"))) {
            table.put("stream", true);
            report.note(v.position(), path, "resources." + r.name() + ".stream: true, which the event needs");
        }
        tables.add(r.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", r.name());
        if (o != null) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String epath = path + "." + e.key();
                switch (e.key()) {
                    case "arn", "type", "enabled" -> {}
                    case "batchSize" -> number(e.value(), epath).ifPresent(n -> m.put("batchSize", n));
                    case "startingPosition" ->
                        report.note(
                                e.keyPosition(),
                                epath,
                                "strato reads table streams from the oldest record (TRIM_HORIZON)");
                    case "functionResponseType" ->
                        report.note(e.keyPosition(), epath, "strato always reports partial batch failures");
                    default ->
                        report.unmapped(
                                e.keyPosition(),
                                epath,
                                "stream setting " + e.key() + " has no strato equivalent",
                                null);
                }
            }
        }
        return event("table", m.size() == 1 ? r.name() : m);
    }

    private List<Map<String, Object>> eventBridge(Src v, String path) {
        if (v instanceof Src.Obj o && o.has("schedule") && !o.has("pattern")) {
            Map<String, Src.Obj.Entry> rest = new LinkedHashMap<>(o.entries());
            Src.Obj.Entry s = rest.remove("schedule");
            Map<String, Src.Obj.Entry> scheduleEntries = new LinkedHashMap<>();
            scheduleEntries.put("rate", new Src.Obj.Entry("rate", s.keyPosition(), s.value()));
            if (rest.containsKey("input")) scheduleEntries.put("input", rest.remove("input"));
            if (rest.containsKey("enabled")) scheduleEntries.put("enabled", rest.remove("enabled"));
            for (Src.Obj.Entry e : rest.values()) {
                report.unmapped(
                        e.keyPosition(),
                        path + "." + e.key(),
                        "eventBridge setting " + e.key() + " has no strato equivalent",
                        null);
            }
            return schedule(new Src.Obj(scheduleEntries, o.position()), path);
        }
        report.unmapped(
                v.position(),
                path,
                "EventBridge event patterns have no strato equivalent",
                "a topic event (publish the events to a topic)");
        return List.of();
    }

    // ---- values ----

    @Override
    Translated translate(Src node) {
        if (node instanceof Src.Scalar s)
            return s.isString() ? translateText(s.text(), s.position()) : Translated.of(s.value());
        if (node instanceof Src.Fn f) {
            Translated t = resourceFn(f);
            if (t != null) return t;
            if (f.name().equals("Ref")
                    && f.argument() instanceof Src.Scalar s
                    && s.text().equals("AWS::Region")) return Translated.of(region);
            return Translated.failed(f.display() + " cannot be resolved outside CloudFormation", f.position());
        }
        if (node instanceof Src.Seq s) {
            List<Object> out = new ArrayList<>();
            for (Src item : s.items()) {
                Translated t = translate(item);
                if (!t.ok()) return t;
                out.add(t.value());
            }
            return Translated.of(out);
        }
        Src.Obj o = (Src.Obj) node;
        Map<String, Object> out = new LinkedHashMap<>();
        for (Src.Obj.Entry e : o.entries().values()) {
            Translated t = translate(e.value());
            if (!t.ok()) return t;
            out.put(e.key(), t.value());
        }
        return Translated.of(out);
    }

    private Translated translateText(String text, Position at) {
        List<Object> parts = ServerlessVars.parts(text);
        if (parts == null) return Translated.failed("unclosed ${ in '" + text + "'", at);
        if (parts.size() == 1 && parts.get(0) instanceof ServerlessVars.Var v) return variable(v, at);
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                b.append(s);
                continue;
            }
            Translated t = variable((ServerlessVars.Var) p, at);
            if (!t.ok()) return t;
            if (t.value() instanceof Map || t.value() instanceof List)
                return Translated.failed(((ServerlessVars.Var) p).raw() + " is a map or list inside text", at);
            b.append(t.value());
        }
        return Translated.of(b.toString());
    }

    private Translated variable(ServerlessVars.Var v, Position at) {
        String source = v.source();
        if (ServerlessVars.isStage(source)) return Translated.of("${stage}");
        if (source.equals("self:service") || source.equals("self:service.name"))
            return Translated.of("${self:service}");
        if (source.equals("opt:region") || source.equals("self:provider.region")) return Translated.of(region);
        int colon = source.indexOf(':');
        String kind = source.startsWith("file(") ? "file" : colon < 0 ? source : source.substring(0, colon);
        String arg = colon < 0 ? "" : source.substring(colon + 1);
        switch (kind) {
            case "self" -> {
                Src node = lookup(arg);
                if (node == null) {
                    if (!v.fallbacks().isEmpty()) return fallback(v.fallbacks().get(0), at);
                    return Translated.failed(v.raw() + " points at nothing in the file", at);
                }
                if (resolving.contains(arg)) return Translated.failed("cycle through " + v.raw(), at);
                if (arg.startsWith("provider.environment.")
                        && target.defaults.get("environment") instanceof Map<?, ?> env
                        && env.containsKey(arg.substring("provider.environment.".length()))) {
                    return Translated.of(
                            "${self:defaults.environment." + arg.substring("provider.environment.".length()) + "}");
                }
                resolving.push(arg);
                try {
                    return translate(node);
                } finally {
                    resolving.pop();
                }
            }
            case "opt", "env", "param" -> {
                if (v.fallbacks().isEmpty()) {
                    if (kind.equals("opt")) target.optionNames.add(arg);
                    if (kind.equals("env")) target.environmentNames.add(arg);
                    return Translated.of("${" + kind + ":" + arg + "}");
                }
                Translated fb = fallback(v.fallbacks().get(0), at);
                if (!fb.ok()) return fb;
                String f = String.valueOf(fb.value());
                boolean plain = f.matches("[\\w./:@-]*") || f.startsWith("${") && f.endsWith("}");
                return Translated.of("${" + kind + ":" + arg + ", " + (plain ? f : "'" + f + "'") + "}");
            }
            case "file" -> {
                Matcher m = FILE.matcher(source);
                if (!m.matches()) return Translated.failed(v.raw() + ": not file(PATH):KEY", at);
                String file = m.group(1).replaceAll("^['\"]|['\"]$", "");
                Path p = Path.of(file).normalize();
                if (p.isAbsolute() || p.startsWith(".."))
                    return Translated.failed(v.raw() + ": strato reads files inside the project folder only", at);
                if (!file.matches(".*\\.(ya?ml|json)"))
                    return Translated.failed(v.raw() + ": strato reads YAML and JSON files only, not code", at);
                String key = m.group(2);
                if (key != null && key.contains("${")) {
                    Translated k = translateText(key, at);
                    if (!k.ok()) return k;
                    key = String.valueOf(k.value());
                }
                return Translated.of("${file(" + file + ")" + (key == null ? "" : ":" + key) + "}");
            }
            case "ssm" -> {
                if (!secretsAllowed)
                    return Translated.failed(v.raw() + ": a secret (${secret:}) can only be an environment value", at);
                String name = arg.replaceAll("~true$", "").replaceAll("^/", "");
                return Translated.of("${secret:" + name + "}");
            }
            case "cf", "aws", "s3", "sls", "strToBool" -> {
                return Translated.failed(
                        v.raw() + ": "
                                + (kind.equals("cf")
                                        ? "outputs of other stacks"
                                        : kind.equals("aws") ? "account and region variables" : "this variable source")
                                + " are not known to strato",
                        at);
            }
            default -> {
                return Translated.failed(v.raw() + ": unknown variable source '" + kind + "'", at);
            }
        }
    }

    private Translated fallback(String fb, Position at) {
        if (ServerlessVars.isQuoted(fb)) return Translated.of(fb.substring(1, fb.length() - 1));
        if (fb.matches("-?\\d+")) return Translated.of(Long.parseLong(fb));
        if (fb.startsWith("${")) return translateText(fb, at);
        if (fb.matches("(self|opt|env|sls|param|file\\(|ssm|cf|aws|s3)[:(].*")) {
            List<String> pieces = ServerlessVars.split(fb);
            return variable(
                    new ServerlessVars.Var(
                            pieces.get(0).strip(),
                            pieces.subList(1, pieces.size()).stream()
                                    .map(String::strip)
                                    .toList(),
                            "${" + fb + "}"),
                    at);
        }
        return Translated.of(fb);
    }

    /** {@code a.b.0.c} in the source tree. */
    private Src lookup(String path) {
        Src node = root;
        for (String part : path.split("\\.")) {
            if (node instanceof Src.Obj o) node = o.get(part);
            else if (node instanceof Src.Seq s
                    && part.matches("\\d+")
                    && Integer.parseInt(part) < s.items().size())
                node = s.items().get(Integer.parseInt(part));
            else return null;
            if (node == null) return null;
        }
        return node;
    }

    @Override
    String canonical(Src node) {
        if (node instanceof Src.Scalar s) {
            if (!s.isString()) return s.value() == null ? null : s.text();
            List<Object> parts = ServerlessVars.parts(s.text());
            if (parts == null) return s.text();
            StringBuilder b = new StringBuilder();
            for (Object p : parts) {
                if (p instanceof String lit) {
                    b.append(lit);
                    continue;
                }
                ServerlessVars.Var v = (ServerlessVars.Var) p;
                if (ServerlessVars.isStage(v.source())) {
                    b.append("${stage}");
                } else if (v.source().startsWith("self:") && !resolving.contains(v.source())) {
                    Src target = lookup(v.source().substring(5));
                    resolving.push(v.source());
                    try {
                        String t = target == null ? null : canonical(target);
                        b.append(t == null ? v.raw() : t);
                    } finally {
                        resolving.pop();
                    }
                } else {
                    b.append(v.raw());
                }
            }
            return b.toString();
        }
        if (node instanceof Src.Fn f
                && f.name().equals("Fn::Join")
                && f.args().size() == 2
                && f.args().get(1) instanceof Src.Seq parts) {
            List<String> texts = new ArrayList<>();
            for (Src p : parts.items()) {
                String t = canonical(p);
                texts.add(t == null ? "~" : t);
            }
            return String.join(
                    canonical(f.args().get(0)) == null ? "" : canonical(f.args().get(0)), texts);
        }
        if (node instanceof Src.Fn f && f.name().equals("Fn::Sub") && f.args().get(0) instanceof Src.Scalar s)
            return s.text();
        if (node instanceof Src.Fn f && f.name().equals("Ref") && f.argument() instanceof Src.Scalar s)
            return "${" + s.text() + "}";
        return null;
    }
}
