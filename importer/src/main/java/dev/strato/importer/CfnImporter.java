package dev.strato.importer;

import dev.strato.model.bind.ModelSchema;
import dev.strato.model.diag.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SAM template or a plain CloudFormation template with Lambda functions → strato.yml. */
final class CfnImporter extends Mapping {

    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{(!?)([^}]*)\\}");
    private static final Pattern RESOLVE =
            Pattern.compile("\\{\\{resolve:(secretsmanager|ssm|ssm-secure):([^:}]+)\\}\\}");
    /** The variables strato's AWS generator writes for secrets (generators/aws FunctionResources). */
    private static final String STRATO_SECRETS = "STRATO_SECRETS";

    private static final String SECRET_ARN = "_SECRET_ARN";

    private static final Set<String> STAGE_PARAMETERS =
            Set.of("Stage", "StageName", "Environment", "Env", "EnvironmentName");
    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");

    /** A function of the template while it is being mapped. */
    private record Fun(
            String logicalId,
            String name,
            Src.Obj props,
            Map<String, Object> out,
            Set<String> queues,
            Set<String> tables,
            String[] deadLetter,
            Position position,
            String path) {}

    private final Src.Obj root;
    private final Src.Obj all;
    private final Src.Obj parameters;
    private final Src.Obj globals;
    private final Set<String> consumed = new HashSet<>();
    private final Map<String, Fun> functions = new LinkedHashMap<>();
    private final Set<String> usedParameters = new TreeSet<>();
    private final List<String> codeDirs = new ArrayList<>();
    private String stageParameter;
    private String region = "us-east-1";

    private final String folder;

    CfnImporter(Src.Obj root, String label, String folder) {
        super(label);
        this.folder = folder;
        this.root = root;
        this.all = root.obj("Resources") == null ? new Src.Obj(Map.of(), root.position()) : root.obj("Resources");
        this.parameters = root.obj("Parameters");
        Src.Obj g = root.obj("Globals");
        this.globals = g == null ? null : g.obj("Function");
    }

    Target run() {
        if (root.text("Description") != null) {
            target.description = root.text("Description");
            report.mapped(root.at("Description"), "Description", "description");
        }
        stageParameter();
        registerResources(all, "Resources");
        mapResources();
        globals();
        for (Src.Obj.Entry e : all.entries().values()) {
            if (e.value() instanceof Src.Obj body && FUNCTION_TYPES.contains(body.text("Type")))
                function(e.key(), body, e.keyPosition());
        }
        runtimeOnTop();
        wiring();
        for (Fun f : functions.values()) permissions(f);
        lambdaDefaults();
        if (!codeDirs.isEmpty())
            target.packaging.put(
                    "include",
                    codeDirs.stream().distinct().sorted().map(d -> d + "**").toList());
        serviceName();
        target.aws.put("region", region);
        if (Importer.detect(root) == Importer.Format.SAM) target.aws.put("format", "sam");
        report.note(
                root.position(),
                "",
                "a template names no region: providers.aws.region is us-east-1; change it if the stack lives elsewhere");
        leftovers();
        params();
        return target;
    }

    // ---- parameters and globals ----

    private void stageParameter() {
        if (parameters == null) return;
        for (Src.Obj.Entry e : parameters.entries().values()) {
            if (!STAGE_PARAMETERS.contains(e.key()) || !(e.value() instanceof Src.Obj p)) continue;
            stageParameter = e.key();
            String def = p.text("Default");
            target.stage = def != null && def.matches(ModelSchema.STAGE_NAME) ? def : null;
            report.mapped(
                    e.keyPosition(),
                    "Parameters." + e.key(),
                    "!Ref " + e.key() + " becomes ${stage}" + (target.stage == null ? "" : "; stage: " + target.stage));
            return;
        }
    }

    private void params() {
        if (usedParameters.isEmpty()) return;
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (String name : usedParameters) {
            Src.Obj p = parameters.obj(name);
            Object def = p == null ? null : Src.plain(p.get("Default"));
            if (def == null) {
                report.unmapped(
                        parameters.at(name),
                        "Parameters." + name,
                        "no Default: params.default." + name + " is empty; set it per stage under params",
                        "params.<stage>." + name);
                def = "";
            } else {
                report.mapped(
                        parameters.at(name),
                        "Parameters." + name,
                        "params.default." + name + " (read with ${param:" + name + "})");
            }
            defaults.put(name, def);
        }
        target.params.put("default", defaults);
    }

    private void globals() {
        Src.Obj g = root.obj("Globals");
        if (g == null) return;
        for (Src.Obj.Entry e : g.entries().values()) {
            if (e.key().equals("Function") && e.value() instanceof Src.Obj f) {
                for (Src.Obj.Entry s : f.entries().values()) {
                    String path = "Globals.Function." + s.key();
                    if (s.key().equals("Runtime")) {
                        String r = runtime(s.value(), path);
                        if (r != null) {
                            target.runtime = r;
                            report.mapped(s.keyPosition(), path, "runtime: " + r);
                        }
                    } else if (s.key().equals("Handler") || s.key().equals("CodeUri")) {
                        report.mapped(s.keyPosition(), path, "the handler of every function that has none");
                    } else if (!setting(target.defaults, s.key(), s.value(), path, "defaults")) {
                        report.unmapped(s.keyPosition(), path, propertyReason(s.key()), null);
                    }
                }
            } else if (e.key().equals("HttpApi") || e.key().equals("Api")) {
                report.mapped(e.keyPosition(), "Globals." + e.key(), "cors of the http events");
            } else {
                report.unmapped(
                        e.keyPosition(),
                        "Globals." + e.key(),
                        "globals of " + e.key() + " have no strato equivalent",
                        null);
            }
        }
    }

    // ---- functions ----

    private void function(String logicalId, Src.Obj body, Position at) {
        String path = "Resources." + logicalId;
        String name = ImportNames.functionFromLogicalId(logicalId);
        for (int n = 2; target.functions.containsKey(name); n++)
            name = ImportNames.functionFromLogicalId(logicalId) + n;
        Src.Obj props =
                body.obj("Properties") == null ? new Src.Obj(Map.of(), body.position()) : body.obj("Properties");
        boolean sam = body.text("Type").startsWith("AWS::Serverless");
        Map<String, Object> out = target.function(name);
        Fun f = new Fun(
                logicalId, name, props, out, new LinkedHashSet<>(), new LinkedHashSet<>(), new String[1], at, path);
        functions.put(logicalId, f);
        String outPath = "functions." + name;
        String codeDir = null;
        Src codeUri = props.has("CodeUri") ? props.get("CodeUri") : globals == null ? null : globals.get("CodeUri");
        if (codeUri instanceof Src.Scalar s && s.isString() && !s.text().startsWith("s3://")) {
            codeDir = s.text().strip().replaceAll("^\\./", "");
            if (codeDir.equals(".")) codeDir = "";
            if (!codeDir.isEmpty() && !codeDir.endsWith("/")) codeDir += "/";
            if (!codeDir.isEmpty()) codeDirs.add(codeDir);
        }
        for (Src.Obj.Entry e : props.entries().values()) {
            String k = e.key();
            String kpath = path + ".Properties." + k;
            Src v = e.value();
            switch (k) {
                case "Handler" -> {}
                case "Runtime" -> {
                    String r = runtime(v, kpath);
                    if (r != null) out.put("runtime", r);
                }
                case "Description" -> {
                    String d = textOrReport(v, kpath, "description", null);
                    if (d != null) out.put("description", d);
                }
                case "Role" -> role(f, v, kpath);
                case "Policies" -> {}
                case "Events" -> samEvents(f, v, kpath);
                case "EventInvokeConfig" -> invokeConfig(f, v, kpath);
                case "DeadLetterQueue", "DeadLetterConfig" -> {
                    Src arn = v instanceof Src.Obj o
                            ? (o.has("TargetArn") ? o.get("TargetArn") : o.get("TargetArn"))
                            : null;
                    deadLetter(f, arn, e.keyPosition(), kpath);
                }
                case "LoggingConfig" -> logging(f, v, kpath);
                case "FunctionName" ->
                    report.note(e.keyPosition(), kpath, "strato names functions <service>-<stage>-<function>");
                case "CodeUri", "Code" -> code(v, kpath, e.keyPosition());
                default -> {
                    if (!setting(out, k, v, kpath, outPath))
                        report.unmapped(e.keyPosition(), kpath, propertyReason(k), propertyClosest(k));
                }
            }
        }
        Src handler = props.has("Handler") ? props.get("Handler") : globals == null ? null : globals.get("Handler");
        String h = handler == null ? null : textOrReport(handler, path + ".Properties.Handler", "handler", null);
        if (h == null) {
            if (handler == null) report.unmapped(at, path, "a function without Handler (container image?)", "handler");
            target.functions.remove(name);
            functions.remove(logicalId);
            return;
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("handler", codeDir == null ? h : codeDir + h);
        ordered.putAll(out);
        out.clear();
        out.putAll(ordered);
        if (!sam)
            report.note(
                    at,
                    path,
                    "plain Lambda function: its triggers are read from the template's event source mappings, rules, subscriptions and routes");
        report.mapped(at, path, outPath);
    }

    private void code(Src v, String path, Position at) {
        if (v instanceof Src.Obj o && o.has("ZipFile")) {
            report.unmapped(at, path, "inline code: strato packages files", "put the code into a file of the project");
        } else if (!(v instanceof Src.Scalar)) {
            report.note(
                    at, path, "code from an uploaded artifact: strato packages the project's files (package.include)");
        }
    }

    /** Settings shared by Globals.Function and functions; false when {@code key} is none of them. */
    private boolean setting(Map<String, Object> out, String key, Src v, String path, String outPath) {
        switch (key) {
            case "MemorySize" -> number(v, path, n -> out.put("memory", n));
            case "Timeout" -> number(v, path, n -> out.put("timeout", n + "s"));
            case "Tracing" -> out.put("tracing", "Active".equals(canonical(v)));
            case "TracingConfig" -> out.put("tracing", v instanceof Src.Obj o && "Active".equals(o.text("Mode")));
            case "Architectures" -> {
                List<Src> items = v instanceof Src.Seq s ? s.items() : List.of(v);
                if (!items.isEmpty() && canonical(items.get(0)) != null)
                    out.put("architecture", canonical(items.get(0)));
            }
            case "Environment" ->
                environment(out, v instanceof Src.Obj o ? o.get("Variables") : null, path + ".Variables", outPath);
            case "Tags" -> tags(out, v, path);
            default -> {
                return false;
            }
        }
        report.mapped(
                v.position(),
                path,
                outPath + "."
                        + switch (key) {
                            case "MemorySize" -> "memory";
                            case "Timeout" -> "timeout";
                            case "Tracing", "TracingConfig" -> "tracing";
                            case "Architectures" -> "architecture";
                            default -> key.toLowerCase(Locale.ROOT);
                        });
        return true;
    }

    private void number(Src v, String path, java.util.function.Consumer<Long> into) {
        Translated t = translate(v);
        Long n = t.ok() ? asLong(t.value()) : null;
        if (n == null) report.unmapped(v.position(), path, t.ok() ? "not a whole number" : t.error(), null);
        else into.accept(n);
    }

    private void environment(Map<String, Object> out, Src vars, String path, String outPath) {
        if (!(vars instanceof Src.Obj env)) return;
        Map<String, Object> m = Target.submap(out, "environment");
        Set<String> secretVariables = stratoSecretVariables(env);
        for (Src.Obj.Entry e : env.entries().values()) {
            String epath = path + "." + e.key();
            if (importedSecret(e, secretVariables, m)) continue;
            if (!e.key().matches(ModelSchema.ENV_NAME)) {
                report.unmapped(
                        e.keyPosition(),
                        epath,
                        "'" + e.key() + "' is not an environment variable name strato accepts",
                        null);
                continue;
            }
            String ref = nameReference(e.value());
            String text = ref != null ? ref : textOrReport(e.value(), epath, "environment value", null);
            if (text != null) m.put(e.key(), text);
        }
        if (m.isEmpty()) out.remove("environment");
    }

    /**
     * strato's own AWS output passes a secret by ARN: {@code STRATO_SECRETS} names the variables and
     * {@code NAME_SECRET_ARN} holds each one's secret (see docs/HANDLERS.md, "Secrets on AWS").
     */
    private static Set<String> stratoSecretVariables(Src.Obj env) {
        Src.Obj.Entry list = env.entries().get(STRATO_SECRETS);
        if (list == null || !(list.value() instanceof Src.Scalar s) || !s.isString()) return Set.of();
        Set<String> names = new HashSet<>();
        for (String n : ((String) s.value()).split(",")) if (!n.isBlank()) names.add(n.trim());
        return names;
    }

    /** Maps {@code STRATO_SECRETS} and {@code NAME_SECRET_ARN} of strato's output back to {@code NAME: ${secret:S}}. */
    private static boolean importedSecret(Src.Obj.Entry e, Set<String> secretVariables, Map<String, Object> m) {
        if (secretVariables.isEmpty()) return false;
        if (e.key().equals(STRATO_SECRETS)) return true;
        if (!e.key().endsWith(SECRET_ARN)) return false;
        String variable = e.key().substring(0, e.key().length() - SECRET_ARN.length());
        if (!secretVariables.contains(variable)) return false;
        String arn = e.value() instanceof Src.Fn fn
                        && fn.name().equals("Fn::Sub")
                        && fn.args().get(0) instanceof Src.Scalar a
                ? a.text()
                : e.value() instanceof Src.Scalar a ? a.text() : null;
        if (arn == null || !arn.contains(":secret:")) return false;
        m.put(variable, "${secret:" + arn.substring(arn.lastIndexOf(":secret:") + ":secret:".length()) + "}");
        return true;
    }

    private void tags(Map<String, Object> out, Src v, String path) {
        Map<String, Object> m = Target.submap(out, "tags");
        if (v instanceof Src.Obj o) {
            for (Src.Obj.Entry e : o.entries().values()) {
                String t = textOrReport(e.value(), path + "." + e.key(), "tag value", null);
                if (t != null) m.put(e.key(), t);
            }
        } else if (v instanceof Src.Seq s) {
            for (Src item : s.items()) {
                if (item instanceof Src.Obj kv && kv.text("Key") != null && kv.get("Value") != null) {
                    String t = textOrReport(kv.get("Value"), path, "tag value", null);
                    if (t != null) m.put(kv.text("Key"), t);
                }
            }
        }
        if (m.isEmpty()) out.remove("tags");
    }

    /** One runtime for all functions goes to the top level. */
    private void runtimeOnTop() {
        Set<Object> runtimes = new HashSet<>();
        for (Fun f : functions.values()) runtimes.add(f.out().getOrDefault("runtime", target.runtime));
        if (target.runtime == null
                && runtimes.size() == 1
                && runtimes.iterator().next() != null)
            target.runtime = (String) runtimes.iterator().next();
        for (Fun f : functions.values()) {
            if (f.out().containsKey("runtime") && f.out().get("runtime").equals(target.runtime))
                f.out().remove("runtime");
        }
    }

    /** Lambda's own defaults (128 MB, 3 s, x86_64) where the template relies on them: strato's differ. */
    private void lambdaDefaults() {
        Object[][] defaults = {{"memory", 128L, "128 MB"}, {"timeout", "3s", "3s"}, {"architecture", "x86_64", "x86_64"}
        };
        for (Object[] d : defaults) {
            String key = (String) d[0];
            if (target.defaults.containsKey(key)) continue;
            if (functions.values().stream().anyMatch(f -> !f.out().containsKey(key))) {
                target.defaults.put(key, d[1]);
                report.note(
                        root.position(),
                        "",
                        "functions without " + key + ": Lambda's default " + d[2] + " kept (strato's differs)");
            }
        }
    }

    private void logging(Fun f, Src v, String path) {
        Src group = v instanceof Src.Obj o ? o.get("LogGroup") : null;
        if (group instanceof Src.Fn fn
                && fn.name().equals("Ref")
                && fn.argument() instanceof Src.Scalar s
                && all.obj(s.text()) != null) {
            Src.Obj props = all.obj(s.text()).obj("Properties");
            consumed.add(s.text());
            if (props != null
                    && props.get("RetentionInDays") instanceof Src.Scalar days
                    && days.value() instanceof Long n) {
                f.out().put("logRetentionDays", n);
                report.mapped(
                        props.at("RetentionInDays"),
                        "Resources." + s.text() + ".Properties.RetentionInDays",
                        "functions." + f.name() + ".logRetentionDays");
            }
            return;
        }
        report.unmapped(
                v.position(),
                path,
                "logging settings other than the log group's retention have no strato equivalent",
                "logRetentionDays");
    }

    private void invokeConfig(Fun f, Src v, String path) {
        if (!(v instanceof Src.Obj o)) return;
        for (Src.Obj.Entry e : o.entries().values()) {
            String epath = path + "." + e.key();
            switch (e.key()) {
                case "MaximumRetryAttempts", "Qualifier", "FunctionName" -> {
                    if (e.key().equals("MaximumRetryAttempts"))
                        number(e.value(), epath, n -> f.out().put("retries", n));
                }
                case "DestinationConfig" -> {
                    Src.Obj d = e.value() instanceof Src.Obj dc ? dc : null;
                    Src.Obj failure = d == null ? null : d.obj("OnFailure");
                    if (failure != null)
                        deadLetter(f, failure.get("Destination"), d.at("OnFailure"), epath + ".OnFailure");
                    if (d != null && d.has("OnSuccess"))
                        report.unmapped(
                                d.at("OnSuccess"),
                                epath + ".OnSuccess",
                                "success destinations have no strato equivalent",
                                null);
                }
                default ->
                    report.unmapped(
                            e.keyPosition(),
                            epath,
                            "invoke setting " + e.key() + " has no strato equivalent",
                            "retries");
            }
        }
    }

    private void deadLetter(Fun f, Src arn, Position at, String path) {
        Res r = arn == null ? null : reference(arn);
        if (r != null && r.type().equals("queue")) {
            f.out().put("deadLetter", r.name());
            f.deadLetter()[0] = r.name();
            report.mapped(at, path, "functions." + f.name() + ".deadLetter: " + r.name());
        } else {
            report.unmapped(at, path, "only a queue of this service can be a deadLetter", "deadLetter: <queue>");
        }
    }

    private void role(Fun f, Src v, String path) {
        String roleId = v instanceof Src.Fn fn
                        && (fn.name().equals("Fn::GetAtt") || fn.name().equals("Ref"))
                        && fn.args().get(0) instanceof Src.Scalar s
                ? s.text()
                : null;
        Src.Obj role = roleId == null ? null : all.obj(roleId);
        if (role == null || !"AWS::IAM::Role".equals(role.text("Type"))) {
            report.unmapped(
                    v.position(),
                    path,
                    "a role outside the template: strato makes one least-privilege role per function",
                    "permissions");
            return;
        }
        consumed.add(roleId);
        report.mapped(v.position(), path, "functions." + f.name() + ".permissions (from role " + roleId + ")");
    }

    // ---- SAM events ----

    private void samEvents(Fun f, Src v, String path) {
        if (!(v instanceof Src.Obj events)) return;
        for (Src.Obj.Entry e : events.entries().values()) {
            String epath = path + "." + e.key();
            Src.Obj ev = e.value() instanceof Src.Obj o ? o : null;
            String type = ev == null ? null : ev.text("Type");
            Src.Obj p = ev == null || ev.obj("Properties") == null
                    ? new Src.Obj(Map.of(), e.keyPosition())
                    : ev.obj("Properties");
            Map<String, Object> mapped = type == null
                    ? null
                    : switch (type) {
                        case "Api", "HttpApi" -> http(p, epath, type.equals("HttpApi"));
                        case "Schedule", "ScheduleV2" -> schedule(p, epath, type.equals("ScheduleV2"));
                        case "SQS" -> queue(f, p.get("Queue"), p, epath);
                        case "SNS" -> topic(p.get("Topic"), p, epath, "FilterPolicy");
                        case "S3" -> bucket(p.get("Bucket"), p.get("Events"), p.obj("Filter"), epath);
                        case "DynamoDB" -> table(f, p.get("Stream"), p, epath);
                        default -> {
                            report.unmapped(
                                    e.keyPosition(),
                                    epath,
                                    type + " events have no strato equivalent",
                                    closestEvent(type));
                            yield null;
                        }
                    };
            if (type == null) report.unmapped(e.keyPosition(), epath, "an event needs a Type", null);
            if (mapped != null) addEvent(f, mapped, e.keyPosition(), epath);
        }
    }

    private void addEvent(Fun f, Map<String, Object> event, Position at, String path) {
        Target.events(f.out()).add(event);
        report.mapped(
                at,
                path,
                "functions." + f.name() + ".events: "
                        + event.keySet().iterator().next());
    }

    private static String closestEvent(String type) {
        return switch (type) {
            case "EventBridgeRule", "CloudWatchEvent" ->
                "a schedule event for timers, a topic event for published events";
            case "Kinesis", "MQ", "MSK", "SelfManagedKafka" -> "a queue event";
            case "IoTRule" -> "a topic event";
            case "AlexaSkill" -> "an http event";
            default -> null;
        };
    }

    private static Map<String, Object> event(String kind, Object body) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(kind, body);
        return m;
    }

    private Map<String, Object> http(Src.Obj p, String path, boolean httpApi) {
        String method = p.text("Method") == null ? "ANY" : p.text("Method").toUpperCase(Locale.ROOT);
        if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") || method.equals("*")) method = "ANY";
        String route = p.text("Path") == null ? "/{proxy+}" : p.text("Path");
        Src apiRef = p.get(httpApi ? "ApiId" : "RestApiId");
        String apiId = apiRef instanceof Src.Fn fn && fn.args().get(0) instanceof Src.Scalar s ? s.text() : null;
        Src.Obj api =
                apiId == null || all.obj(apiId) == null ? null : all.obj(apiId).obj("Properties");
        if (apiId != null) consumed.add(apiId);
        Object cors = cors(api, httpApi);
        Object auth = null;
        Src.Obj a = p.obj("Auth");
        if (a != null) {
            String authorizer = a.text("Authorizer");
            if (Boolean.TRUE.equals(Src.plain(a.get("ApiKeyRequired")))) {
                report.unmapped(
                        a.at("ApiKeyRequired"),
                        path + ".Auth.ApiKeyRequired",
                        "API keys: strato's AWS HTTP API has none",
                        "auth: { type: jwt, issuer, audience }");
            }
            if (authorizer != null && !authorizer.equals("NONE"))
                auth = jwt(api, authorizer, a.position(), path + ".Auth");
        }
        if (!httpApi) report.note(p.position(), path, "a REST API (Api) event becomes a route of strato's HTTP API");
        for (Src.Obj.Entry e : p.entries().values()) {
            if (!Set.of("Path", "Method", "ApiId", "RestApiId", "Auth", "PayloadFormatVersion", "TimeoutInMillis")
                    .contains(e.key())) {
                report.unmapped(
                        e.keyPosition(),
                        path + "." + e.key(),
                        "http event property " + e.key() + " has no strato equivalent",
                        null);
            }
        }
        if (cors == null && auth == null) return event("http", method + " " + route);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("path", route);
        if (cors != null) m.put("cors", cors);
        if (auth != null) m.put("auth", auth);
        return event("http", m);
    }

    private Object cors(Src.Obj api, boolean httpApi) {
        Src c = api == null ? null : api.get(httpApi ? "CorsConfiguration" : "Cors");
        if (c == null) {
            Src.Obj g = root.obj("Globals") == null ? null : root.obj("Globals").obj(httpApi ? "HttpApi" : "Api");
            c = g == null ? null : g.get(httpApi ? "CorsConfiguration" : "Cors");
        }
        if (c == null) return null;
        Object plain = Src.plain(c);
        if (Boolean.TRUE.equals(plain) || plain instanceof String) return true;
        if (!(plain instanceof Map<?, ?> m)) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        putList(out, "origins", m.get(httpApi ? "AllowOrigins" : "AllowOrigin"));
        putList(out, "methods", m.get(httpApi ? "AllowMethods" : "AllowMethods"));
        putList(out, "headers", m.get(httpApi ? "AllowHeaders" : "AllowHeaders"));
        if (Boolean.TRUE.equals(m.get("AllowCredentials"))) out.put("credentials", true);
        if (m.get("MaxAge") instanceof Long n)
            out.put("maxAge", dev.strato.model.support.Durations.format(java.time.Duration.ofSeconds(n)));
        boolean open = List.of("*").equals(out.get("origins"))
                && List.of("*").equals(out.get("methods"))
                && List.of("*").equals(out.get("headers"))
                && out.size() == 3;
        return open ? true : out;
    }

    private static void putList(Map<String, Object> out, String key, Object value) {
        if (value instanceof List<?> l)
            out.put(
                    key,
                    l.stream()
                            .map(x -> String.valueOf(x).replaceAll("^'(.*)'$", "$1"))
                            .toList());
        else if (value instanceof String s)
            out.put(key, List.of(s.replaceAll("^'(.*)'$", "$1").split("\\s*,\\s*")));
    }

    private Object jwt(Src.Obj api, String authorizer, Position at, String path) {
        Src.Obj auth = api == null ? null : api.obj("Auth");
        Src.Obj authorizers = auth == null ? null : auth.obj("Authorizers");
        Src.Obj def = authorizers == null ? null : authorizers.obj(authorizer);
        Src.Obj config = def == null ? null : def.obj("JwtConfiguration");
        String issuer = config == null ? null : config.text("issuer");
        if (issuer == null) {
            report.unmapped(
                    at,
                    path,
                    "authorizer " + authorizer + " is not a JWT authorizer",
                    "auth: { type: jwt, issuer, audience }");
            return null;
        }
        return jwtAuth(issuer, config.list("audience"));
    }

    private static Map<String, Object> jwtAuth(String issuer, List<Src> audience) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "jwt");
        m.put("issuer", issuer);
        List<Object> aud = audience.stream()
                .map(Src::plain)
                .filter(x -> x != null)
                .map(String::valueOf)
                .map(Object.class::cast)
                .toList();
        if (!aud.isEmpty()) m.put("audience", aud);
        return m;
    }

    /** strato's own schedules with a portable handler deliver {kind: schedule, time: Scheduler's time, input}: the input is the inner one. */
    private static Object unwrapStratoSchedule(Object input) {
        if (input instanceof Map<?, ?> m
                && m.size() == 3
                && "schedule".equals(m.get("kind"))
                && "<aws.scheduler.scheduled-time>".equals(m.get("time"))
                && m.containsKey("input")) {
            return m.get("input");
        }
        return input;
    }

    private Map<String, Object> schedule(Src.Obj p, String path, boolean v2) {
        Src expression = p.get(v2 ? "ScheduleExpression" : "Schedule");
        String text = expression == null ? null : canonical(expression);
        Schedules.Converted c =
                text == null ? Schedules.Converted.failed("no schedule expression") : Schedules.convert(text);
        if (c.error() != null) {
            report.unmapped(
                    expression == null ? p.position() : expression.position(),
                    path,
                    c.error(),
                    "schedule: { cron: 5-field unix cron } or { rate: 5m }");
            return null;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        String zone = p.text("ScheduleExpressionTimezone");
        if (zone != null && !zone.equals("UTC")) extra.put("timezone", zone);
        if (p.has("Input")) {
            Object in = Src.plain(p.get("Input"));
            if (in instanceof String s) {
                try {
                    in = Src.plain(SourceReader.read(s, label));
                } catch (ImportException e) {
                    // text input stays text
                }
            }
            in = unwrapStratoSchedule(in);
            if (in != null) extra.put("input", in);
        }
        boolean disabled = "DISABLED".equals(p.text("State")) || Boolean.FALSE.equals(Src.plain(p.get("Enabled")));
        if (disabled) extra.put("enabled", false);
        if (p.has("RoleArn")
                && p.get("RoleArn") instanceof Src.Fn fn
                && fn.args().get(0) instanceof Src.Scalar s) consumed.add(s.text());
        for (Src.Obj.Entry e : p.entries().values()) {
            if (!Set.of(
                            "Schedule",
                            "ScheduleExpression",
                            "ScheduleExpressionTimezone",
                            "Input",
                            "State",
                            "Enabled",
                            "RoleArn",
                            "Name",
                            "Description",
                            "FlexibleTimeWindow")
                    .contains(e.key())) {
                report.unmapped(
                        e.keyPosition(),
                        path + "." + e.key(),
                        "schedule property " + e.key() + " has no strato equivalent",
                        null);
            }
        }
        return event("schedule", ServerlessImporter.scheduleBody(c, extra));
    }

    private Map<String, Object> queue(Fun f, Src arn, Src.Obj p, String path) {
        Res r = arn == null ? null : reference(arn);
        if (r == null || !r.type().equals("queue")) {
            report.unmapped(
                    p.position(),
                    path,
                    "the queue is not an SQS queue of this template",
                    "declare it, then queue: NAME");
            return null;
        }
        f.queues().add(r.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue", r.name());
        if (p.get("BatchSize") instanceof Src.Scalar s && s.value() instanceof Long n && n != 10) m.put("batchSize", n);
        else if (p.get("BatchSize") instanceof Src.Scalar s && s.value() instanceof Long n) m.put("batchSize", n);
        extraProperties(
                p,
                path,
                Set.of(
                        "Queue",
                        "EventSourceArn",
                        "FunctionName",
                        "BatchSize",
                        "FunctionResponseTypes",
                        "MaximumBatchingWindowInSeconds",
                        "Enabled"));
        return event("queue", m.size() == 1 ? r.name() : m);
    }

    private Map<String, Object> topic(Src arn, Src.Obj p, String path, String filterKey) {
        Res r = arn == null ? null : reference(arn);
        if (r == null || !r.type().equals("topic")) {
            report.unmapped(
                    p.position(),
                    path,
                    "the topic is not an SNS topic of this template",
                    "declare it, then topic: NAME");
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topic", r.name());
        Src filter = p.get(filterKey);
        if (filter instanceof Src.Obj o) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (Src.Obj.Entry e : o.entries().values()) {
                Object plain = Src.plain(e.value());
                List<?> values = plain instanceof List<?> l ? l : List.of(String.valueOf(plain));
                if (values.stream().allMatch(x -> x instanceof String)) f.put(e.key(), values);
                else
                    report.unmapped(
                            e.keyPosition(),
                            path + "." + filterKey + "." + e.key(),
                            "numeric, prefix and exists conditions have no strato equivalent",
                            "filter: { attribute: [values] }");
            }
            if (!f.isEmpty()) m.put("filter", f);
        }
        extraProperties(p, path, Set.of("Topic", "TopicArn", "FilterPolicy", "Protocol", "Endpoint", "Region"));
        return event("topic", m.size() == 1 ? r.name() : m);
    }

    private Map<String, Object> bucket(Src ref, Src events, Src.Obj filter, String path) {
        Res r = ref == null ? null : reference(ref);
        if (r == null || !r.type().equals("bucket")) {
            report.unmapped(
                    ref == null ? Position.NONE : ref.position(),
                    path,
                    "the bucket is not an S3 bucket of this template",
                    "declare it, then bucket: NAME");
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", r.name());
        List<String> on = new ArrayList<>();
        for (Src e : events == null ? List.<Src>of() : events instanceof Src.Seq s ? s.items() : List.of(events)) {
            String action = s3Action(canonical(e), e.position(), path + ".Events");
            if (action != null && !on.contains(action)) on.add(action);
        }
        if (!on.isEmpty() && !on.equals(List.of("created"))) m.put("on", on);
        Src.Obj key = filter == null ? null : filter.obj("S3Key");
        for (Src rule : key == null ? List.<Src>of() : key.list("Rules")) {
            if (rule instanceof Src.Obj o && o.text("Name") != null && o.text("Value") != null) {
                m.put(o.text("Name").toLowerCase(Locale.ROOT), o.text("Value"));
            }
        }
        return event("bucket", m.size() == 1 ? r.name() : m);
    }

    private Map<String, Object> table(Fun f, Src stream, Src.Obj p, String path) {
        Res r = stream == null ? null : reference(stream);
        if (r == null || !r.type().equals("table")) {
            report.unmapped(
                    p.position(),
                    path,
                    "the stream is not the stream of a DynamoDB table of this template",
                    "declare the table, then table: NAME");
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> table = (Map<String, Object>) target.resources.get(r.name());
        if (table != null && !Boolean.TRUE.equals(table.get("stream"))) table.put("stream", true);
        f.tables().add(r.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", r.name());
        if (p.get("BatchSize") instanceof Src.Scalar s && s.value() instanceof Long n) m.put("batchSize", n);
        extraProperties(
                p,
                path,
                Set.of(
                        "Stream",
                        "EventSourceArn",
                        "FunctionName",
                        "BatchSize",
                        "StartingPosition",
                        "BisectBatchOnFunctionError",
                        "MaximumRetryAttempts",
                        "FunctionResponseTypes",
                        "DestinationConfig",
                        "Enabled"));
        return event("table", m.size() == 1 ? r.name() : m);
    }

    private void extraProperties(Src.Obj p, String path, Set<String> known) {
        for (Src.Obj.Entry e : p.entries().values()) {
            if (!known.contains(e.key()))
                report.unmapped(
                        e.keyPosition(),
                        path + "." + e.key(),
                        "event property " + e.key() + " has no strato equivalent",
                        null);
        }
    }

    // ---- plain CloudFormation wiring ----

    /** The function a value points at: {@code !Ref F}, {@code !GetAtt F.Arn}, or a {@code !Sub} naming {@code ${F.Arn}}. */
    private Fun functionOf(Src node) {
        if (node instanceof Src.Fn fn) {
            if ((fn.name().equals("Ref") || fn.name().equals("Fn::GetAtt"))
                    && fn.args().get(0) instanceof Src.Scalar s) return functions.get(s.text());
            if (fn.name().equals("Fn::Sub") && fn.args().get(0) instanceof Src.Scalar s) {
                Matcher m = SUB_VAR.matcher(s.text());
                while (m.find()) {
                    String id = m.group(2).replaceAll("\\..*", "");
                    if (functions.containsKey(id)) return functions.get(id);
                }
            }
            if (fn.name().equals("Fn::Join")) {
                for (Src part : fn.args().size() > 1 && fn.args().get(1) instanceof Src.Seq seq
                        ? seq.items()
                        : List.<Src>of()) {
                    Fun f = functionOf(part);
                    if (f != null) return f;
                }
            }
        }
        return null;
    }

    private void wiring() {
        for (Src.Obj.Entry e : all.entries().values()) {
            if (!(e.value() instanceof Src.Obj body)) continue;
            String type = body.text("Type");
            Src.Obj p =
                    body.obj("Properties") == null ? new Src.Obj(Map.of(), body.position()) : body.obj("Properties");
            String path = "Resources." + e.key();
            if (type == null) continue;
            switch (type) {
                case "AWS::Lambda::EventSourceMapping" -> {
                    Fun f = functionOf(p.get("FunctionName"));
                    Res r = reference(p.get("EventSourceArn"));
                    if (f == null || r == null) continue;
                    Map<String, Object> ev = r.type().equals("table")
                            ? table(f, p.get("EventSourceArn"), p, path)
                            : queue(f, p.get("EventSourceArn"), p, path);
                    if (ev != null) addEvent(f, ev, e.keyPosition(), path);
                    consumed.add(e.key());
                }
                case "AWS::Scheduler::Schedule", "AWS::Events::Rule" -> {
                    boolean scheduler = type.equals("AWS::Scheduler::Schedule");
                    List<Src> targets =
                            scheduler ? List.of(p.get("Target") == null ? p : p.get("Target")) : p.list("Targets");
                    for (Src t : targets) {
                        Fun f = t instanceof Src.Obj to ? functionOf(to.get("Arn")) : null;
                        if (f == null || !p.has("ScheduleExpression")) continue;
                        Map<String, Src.Obj.Entry> entries = new LinkedHashMap<>();
                        entries.put(
                                "ScheduleExpression",
                                new Src.Obj.Entry(
                                        "ScheduleExpression", p.at("ScheduleExpression"), p.get("ScheduleExpression")));
                        for (String k : List.of("ScheduleExpressionTimezone", "State"))
                            if (p.has(k)) entries.put(k, p.entries().get(k));
                        if (((Src.Obj) t).has("Input"))
                            entries.put("Input", ((Src.Obj) t).entries().get("Input"));
                        if (scheduler && ((Src.Obj) t).has("RoleArn"))
                            entries.put("RoleArn", ((Src.Obj) t).entries().get("RoleArn"));
                        Map<String, Object> ev = schedule(new Src.Obj(entries, p.position()), path, true);
                        if (ev != null) addEvent(f, ev, e.keyPosition(), path);
                        consumed.add(e.key());
                    }
                }
                case "AWS::SNS::Subscription" -> {
                    Fun f = "lambda".equals(p.text("Protocol")) ? functionOf(p.get("Endpoint")) : null;
                    if (f == null) continue;
                    Map<String, Object> ev = topic(p.get("TopicArn"), p, path, "FilterPolicy");
                    if (ev != null) addEvent(f, ev, e.keyPosition(), path);
                    consumed.add(e.key());
                }
                case "AWS::S3::Bucket" -> {
                    Src.Obj n = p.obj("NotificationConfiguration");
                    for (Src c : n == null ? List.<Src>of() : n.list("LambdaConfigurations")) {
                        Fun f = c instanceof Src.Obj co ? functionOf(co.get("Function")) : null;
                        if (f == null) continue;
                        Src.Obj co = (Src.Obj) c;
                        Map<String, Object> ev = bucket(
                                new Src.Fn("Ref", new Src.Scalar(e.key(), e.key(), e.keyPosition()), e.keyPosition()),
                                co.get("Event"),
                                co.obj("Filter"),
                                path);
                        if (ev != null)
                            mergeBucketEvent(f, ev, co.position(), path + ".Properties.NotificationConfiguration");
                    }
                }
                case "AWS::ApiGatewayV2::Route" -> route(e.key(), p, path);
                case "AWS::Lambda::EventInvokeConfig" -> {
                    Fun f = functionOf(p.get("FunctionName"));
                    if (f == null) continue;
                    invokeConfig(f, p, path + ".Properties");
                    consumed.add(e.key());
                }
                case "AWS::Lambda::Permission" -> {
                    if (functionOf(p.get("FunctionName")) != null) consumed.add(e.key());
                }
                default -> {}
            }
        }
    }

    /** S3 sends created and deleted of one function as two configurations: one strato event. */
    @SuppressWarnings("unchecked")
    private void mergeBucketEvent(Fun f, Map<String, Object> ev, Position at, String path) {
        for (Object existing : Target.events(f.out())) {
            Map<String, Object> e = (Map<String, Object>) existing;
            Object body = e.get("bucket");
            Object other = ev.get("bucket");
            Map<String, Object> a = body instanceof Map
                    ? new LinkedHashMap<>((Map<String, Object>) body)
                    : body == null ? null : new LinkedHashMap<>(Map.of("bucket", body));
            Map<String, Object> b = other instanceof Map
                    ? new LinkedHashMap<>((Map<String, Object>) other)
                    : new LinkedHashMap<>(Map.of("bucket", other));
            if (a == null) continue;
            List<Object> onA = (List<Object>) a.remove("on");
            List<Object> onB = (List<Object>) b.remove("on");
            if (a.equals(b)) {
                Set<Object> on = new LinkedHashSet<>(onA == null ? List.of("created") : onA);
                on.addAll(onB == null ? List.of("created") : onB);
                if (!on.equals(Set.of("created"))) a.put("on", List.copyOf(on));
                e.put("bucket", a.size() == 1 ? a.get("bucket") : a);
                return;
            }
        }
        addEvent(f, ev, at, path);
    }

    private void route(String id, Src.Obj p, String path) {
        String key = p.text("RouteKey");
        Src target = p.get("Target");
        String integration = null;
        if (target instanceof Src.Fn fn
                && fn.name().equals("Fn::Sub")
                && fn.args().get(0) instanceof Src.Scalar s) {
            Matcher m = SUB_VAR.matcher(s.text());
            if (m.find()) integration = m.group(2);
        } else if (target instanceof Src.Fn fn && fn.name().equals("Fn::Join")) {
            String c = canonical(fn);
            Matcher m = Pattern.compile("integrations/\\$\\{(\\w+)\\}").matcher(c == null ? "" : c);
            if (m.find()) integration = m.group(1);
        }
        Src.Obj integ = integration == null || all.obj(integration) == null
                ? null
                : all.obj(integration).obj("Properties");
        Fun f = integ == null ? null : functionOf(integ.get("IntegrationUri"));
        if (f == null || key == null || !key.contains(" ")) return;
        consumed.add(id);
        consumed.add(integration);
        String apiId =
                p.get("ApiId") instanceof Src.Fn fn && fn.args().get(0) instanceof Src.Scalar s ? s.text() : null;
        Src.Obj api =
                apiId == null || all.obj(apiId) == null ? null : all.obj(apiId).obj("Properties");
        if (apiId != null) consumed.add(apiId);
        Map<String, Object> m = new LinkedHashMap<>();
        String[] parts = key.split("\\s+", 2);
        m.put("method", parts[0].equals("$default") ? "ANY" : parts[0]);
        m.put("path", parts[1]);
        Object cors = cors(api, true);
        if (cors != null) m.put("cors", cors);
        if ("JWT".equals(p.text("AuthorizationType"))
                && p.get("AuthorizerId") instanceof Src.Fn a
                && a.args().get(0) instanceof Src.Scalar s
                && all.obj(s.text()) != null) {
            consumed.add(s.text());
            Src.Obj config = all.obj(s.text()).obj("Properties") == null
                    ? null
                    : all.obj(s.text()).obj("Properties").obj("JwtConfiguration");
            if (config != null && config.text("Issuer") != null)
                m.put("auth", jwtAuth(config.text("Issuer"), config.list("Audience")));
        }
        addEvent(
                f,
                m.size() == 2 ? event("http", m.get("method") + " " + m.get("path")) : event("http", m),
                p.position(),
                path);
    }

    // ---- permissions ----

    private void permissions(Fun f) {
        Iam iam = new Iam(this, f.out(), f.name(), new Iam.Implied(f.queues(), f.tables(), f.deadLetter()[0]));
        Src policies = f.props().get("Policies");
        if (policies != null) iam.samPolicies(policies, f.path() + ".Properties.Policies");
        Src role = f.props().get("Role");
        String roleId = role instanceof Src.Fn fn && fn.args().get(0) instanceof Src.Scalar s ? s.text() : null;
        Src.Obj roleProps = roleId == null || all.obj(roleId) == null
                ? null
                : all.obj(roleId).obj("Properties");
        if (roleProps != null) {
            String rpath = "Resources." + roleId + ".Properties";
            List<Src> list = roleProps.list("Policies");
            for (int i = 0; i < list.size(); i++) {
                Src.Obj doc = list.get(i) instanceof Src.Obj o ? o.obj("PolicyDocument") : null;
                if (doc != null)
                    iam.statements(doc.list("Statement"), rpath + ".Policies[" + i + "].PolicyDocument.Statement");
            }
            List<Src> managed = roleProps.list("ManagedPolicyArns");
            for (int i = 0; i < managed.size(); i++)
                iam.managedPolicy(managed.get(i), rpath + ".ManagedPolicyArns[" + i + "]");
            for (Src.Obj.Entry e : roleProps.entries().values()) {
                if (!Set.of("AssumeRolePolicyDocument", "Policies", "ManagedPolicyArns", "Tags", "RoleName", "Path")
                        .contains(e.key())) {
                    report.unmapped(
                            e.keyPosition(),
                            rpath + "." + e.key(),
                            "role property " + e.key() + " has no strato equivalent",
                            null);
                }
            }
        }
        iam.finish();
    }

    // ---- service name, leftovers ----

    /** From the functions' physical names ({@code orders-dev-create-order}: service orders, stage dev), else the template's folder. */
    private void serviceName() {
        String common = null;
        String stage = null;
        for (Fun f : functions.values()) {
            String physical = f.props().text("FunctionName");
            String suffix = "-" + dev.strato.model.support.Names.kebab(f.name());
            if (physical == null || !physical.endsWith(suffix)) {
                common = null;
                break;
            }
            String prefix = physical.substring(0, physical.length() - suffix.length());
            if (common != null && !common.equals(prefix)) {
                common = null;
                break;
            }
            common = prefix;
        }
        if (common != null && common.lastIndexOf('-') > 0) {
            stage = common.substring(common.lastIndexOf('-') + 1);
            common = common.substring(0, common.lastIndexOf('-'));
        }
        if (common != null && common.matches(ModelSchema.SERVICE_NAME) && stage.matches(ModelSchema.STAGE_NAME)) {
            target.service = common;
            if (target.stage == null) target.stage = stage;
            report.note(
                    root.position(),
                    "",
                    "service " + common + " and stage " + stage + " read from the functions' names");
            return;
        }
        target.service = ImportNames.service(folder);
        report.note(
                root.position(),
                "",
                "a template has no service name: " + target.service + " (from its folder); change service if you like");
    }

    private void leftovers() {
        for (Src.Obj.Entry e : all.entries().values()) {
            if (resources.containsKey(e.key())
                    || functions.containsKey(e.key())
                    || consumed.contains(e.key())
                    || !(e.value() instanceof Src.Obj body)) continue;
            String type = body.text("Type");
            String path = "Resources." + e.key();
            if ("AWS::S3::BucketPolicy".equals(type) && denyInsecureOnly(body)) {
                report.note(e.keyPosition(), path, "strato buckets refuse plain HTTP by themselves");
            } else if ("AWS::IAM::Role".equals(type) && isSchedulerRole(body)) {
                report.note(
                        e.keyPosition(),
                        path,
                        "the role EventBridge Scheduler invokes with: strato makes it for schedule events");
            } else if ("AWS::Logs::LogGroup".equals(type)
                    || "AWS::Serverless::HttpApi".equals(type)
                    || "AWS::ApiGatewayV2::Api".equals(type)
                    || "AWS::ApiGatewayV2::Stage".equals(type)) {
                report.note(e.keyPosition(), path, type + ": strato generates it for the functions and routes");
            } else {
                report.unmapped(
                        e.keyPosition(),
                        path,
                        "resource type " + type + " has no strato equivalent",
                        closestResource(type));
            }
        }
        for (Src.Obj.Entry e : root.entries().values()) {
            switch (e.key()) {
                case "AWSTemplateFormatVersion", "Transform", "Description", "Resources", "Globals" -> {}
                case "Parameters" -> {
                    for (Src.Obj.Entry p : parameters == null
                            ? List.<Src.Obj.Entry>of()
                            : parameters.entries().values()) {
                        if (!usedParameters.contains(p.key()) && !p.key().equals(stageParameter)) {
                            report.note(
                                    p.keyPosition(),
                                    "Parameters." + p.key(),
                                    "parameter not used by anything imported");
                        }
                    }
                }
                case "Outputs" ->
                    report.unmapped(
                            e.keyPosition(),
                            e.key(),
                            "outputs: strato's stack outputs every function's and resource's name and ARN",
                            null);
                default ->
                    report.unmapped(
                            e.keyPosition(),
                            e.key(),
                            "template section " + e.key() + " has no strato equivalent",
                            null);
            }
        }
    }

    private static boolean denyInsecureOnly(Src.Obj body) {
        Src.Obj p = body.obj("Properties");
        Src.Obj doc = p == null ? null : p.obj("PolicyDocument");
        List<Src> statements = doc == null ? List.of() : doc.list("Statement");
        return !statements.isEmpty()
                && statements.stream()
                        .allMatch(s -> s instanceof Src.Obj o
                                && "Deny".equals(o.text("Effect"))
                                && o.obj("Condition") != null
                                && String.valueOf(Src.plain(o.get("Condition"))).contains("aws:SecureTransport"));
    }

    private static boolean isSchedulerRole(Src.Obj body) {
        return String.valueOf(Src.plain(
                        body.obj("Properties") == null
                                ? null
                                : body.obj("Properties").get("AssumeRolePolicyDocument")))
                .contains("scheduler.amazonaws.com");
    }

    static String closestResource(String type) {
        if (type == null) return null;
        if (type.startsWith("AWS::Kinesis") || type.startsWith("AWS::AmazonMQ")) return "a queue resource";
        if (type.startsWith("AWS::Events::") || type.startsWith("AWS::IoT")) return "a topic resource";
        if (type.startsWith("AWS::RDS") || type.startsWith("AWS::ElastiCache")) return "a table resource";
        if (type.equals("AWS::SecretsManager::Secret") || type.equals("AWS::SSM::Parameter")) return "${secret:NAME}";
        if (type.startsWith("AWS::ApiGateway")) return "http events";
        return null;
    }

    private static String propertyReason(String key) {
        return switch (key) {
            case "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig" ->
                key + ": strato does not set function concurrency";
            case "Layers" -> LAYERS_REASON;
            case "VpcConfig" -> VPC_REASON;
            case "AutoPublishAlias", "DeploymentPreference", "VersionDescription" ->
                "versions and gradual deployments: strato deploys the function itself";
            case "PackageType", "ImageUri", "ImageConfig" -> "container images: strato packages code for a runtime";
            case "FunctionUrlConfig" -> "function URLs: strato routes HTTP through its API";
            default -> "property " + key + " has no strato equivalent";
        };
    }

    private static String propertyClosest(String key) {
        return switch (key) {
            case "FunctionUrlConfig" -> "an http event";
            case "Layers" -> LAYERS_CLOSEST;
            default -> null;
        };
    }

    // ---- values ----

    @Override
    Translated translate(Src node) {
        if (node instanceof Src.Scalar s) {
            if (!s.isString()) return Translated.of(s.value());
            Matcher m = RESOLVE.matcher(s.text());
            if (m.find()) {
                if (m.start() != 0 || m.end() != s.text().length())
                    return Translated.failed("a dynamic reference inside text", s.position());
                if (!m.group(1).equals("secretsmanager"))
                    report.note(
                            s.position(),
                            "",
                            "SSM parameter " + m.group(2) + " read as ${secret:}: store it in Secrets Manager");
                return Translated.of("${secret:" + m.group(2).replaceAll("^/", "") + "}");
            }
            return Translated.of(literal(s.text()));
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
        if (node instanceof Src.Obj o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Src.Obj.Entry e : o.entries().values()) {
                Translated t = translate(e.value());
                if (!t.ok()) return t;
                out.put(e.key(), t.value());
            }
            return Translated.of(out);
        }
        Src.Fn f = (Src.Fn) node;
        Translated ref = resourceFn(f);
        if (ref != null) return ref;
        switch (f.name()) {
            case "Ref" -> {
                return name(canonical(f.argument()), f.position());
            }
            case "Fn::Sub" -> {
                return sub(f);
            }
            case "Fn::Join" -> {
                if (f.args().size() != 2 || !(f.args().get(1) instanceof Src.Seq parts))
                    return Translated.failed("!Join takes [delimiter, [values]]", f.position());
                List<String> texts = new ArrayList<>();
                for (Src p : parts.items()) {
                    Translated t = translate(p);
                    if (!t.ok()) return t;
                    texts.add(String.valueOf(t.value()));
                }
                return Translated.of(String.join(
                        canonical(f.args().get(0)) == null
                                ? ""
                                : canonical(f.args().get(0)),
                        texts));
            }
            default -> {
                return Translated.failed(f.display() + " cannot be resolved without deploying the stack", f.position());
            }
        }
    }

    /** What {@code !Ref NAME} or {@code ${NAME}} in a Sub means in strato. */
    private Translated name(String name, Position at) {
        if (name == null) return Translated.failed("a reference without a name", at);
        if (name.equals(stageParameter)) return Translated.of("${stage}");
        if (parameters != null && parameters.has(name)) {
            usedParameters.add(name);
            return Translated.of("${param:" + name + "}");
        }
        if (resources.containsKey(name)) {
            String ref = refValue(resources.get(name), null);
            return Translated.of(ref);
        }
        if (name.contains(".") && resources.containsKey(name.substring(0, name.indexOf('.')))) {
            String ref = refValue(
                    resources.get(name.substring(0, name.indexOf('.'))), name.substring(name.indexOf('.') + 1));
            if (ref != null) return Translated.of(ref);
        }
        return Translated.failed(
                "${" + name + "}: "
                        + (name.startsWith("AWS::")
                                ? "the pseudo parameter " + name + " is known only when deployed"
                                : name + " is not a parameter or a table, bucket, queue or topic of the template"),
                at);
    }

    private Translated sub(Src.Fn f) {
        List<Src> args = f.args();
        if (!(args.get(0) instanceof Src.Scalar s)) return Translated.failed("!Sub takes text", f.position());
        Src.Obj vars = args.size() > 1 && args.get(1) instanceof Src.Obj o ? o : null;
        StringBuilder b = new StringBuilder();
        Matcher m = SUB_VAR.matcher(s.text());
        int last = 0;
        while (m.find()) {
            b.append(literal(s.text().substring(last, m.start())));
            last = m.end();
            if (!m.group(1).isEmpty()) {
                b.append("$${").append(m.group(2)).append('}');
                continue;
            }
            Translated t = vars != null && vars.has(m.group(2))
                    ? translate(vars.get(m.group(2)))
                    : name(m.group(2), f.position());
            if (!t.ok()) return t;
            b.append(t.value());
        }
        b.append(literal(s.text().substring(last)));
        return Translated.of(b.toString());
    }

    @Override
    String canonical(Src node) {
        if (node instanceof Src.Scalar s) return s.value() == null ? null : s.text();
        if (!(node instanceof Src.Fn f)) return null;
        List<Src> args = f.args();
        switch (f.name()) {
            case "Ref" -> {
                return args.get(0) instanceof Src.Scalar s ? "${" + s.text() + "}" : null;
            }
            case "Fn::GetAtt" -> {
                return args.size() == 2 && args.get(0) instanceof Src.Scalar a && args.get(1) instanceof Src.Scalar b
                        ? "${" + a.text() + "." + b.text() + "}"
                        : null;
            }
            case "Fn::Sub" -> {
                return args.get(0) instanceof Src.Scalar s ? s.text() : null;
            }
            case "Fn::Join" -> {
                if (args.size() != 2 || !(args.get(1) instanceof Src.Seq parts)) return null;
                List<String> texts = new ArrayList<>();
                for (Src p : parts.items()) {
                    String t = canonical(p);
                    texts.add(t == null ? "~" : t);
                }
                String delimiter = canonical(args.get(0));
                return String.join(delimiter == null ? "" : delimiter, texts);
            }
            default -> {
                return null;
            }
        }
    }
}
