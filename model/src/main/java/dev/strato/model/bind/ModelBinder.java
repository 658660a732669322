package dev.strato.model.bind;

import dev.strato.model.SourceMap;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.KeyType;
import dev.strato.model.service.PackageSpec;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Durations;
import dev.strato.model.support.Named;
import dev.strato.model.support.Suggestions;
import dev.strato.model.vars.Resolved;
import dev.strato.model.yaml.YList;
import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YScalar;
import dev.strato.model.yaml.YSymbolic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the resolved tree into the immutable {@link Service}, applying defaults once
 * (function value, then {@code defaults}, then built-in). Structural problems are reported;
 * semantic checks are the validator's.
 */
public final class ModelBinder {

    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    public static final int DEFAULT_RETRIES = 2;
    public static final int DEFAULT_QUEUE_BATCH = 10;
    public static final int DEFAULT_TABLE_BATCH = 100;
    public static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(4);
    public static final int DEFAULT_MAX_RECEIVE = 5;
    public static final String DEFAULT_STAGE = "dev";

    private final Reader reader;
    private final Resolved resolved;

    private ModelBinder(Resolved resolved, Diagnostics diagnostics, SourceMap sources) {
        this.resolved = resolved;
        this.reader = new Reader(resolved, diagnostics, sources);
    }

    public static Optional<Service> bind(Resolved resolved, Diagnostics diagnostics, SourceMap sources) {
        return new ModelBinder(resolved, diagnostics, sources).bindRoot();
    }

    private Optional<Service> bindRoot() {
        View root = reader.object(resolved.root(), "", ModelSchema.ROOT);
        if (root == null) return Optional.empty();
        String name = root.text("service");
        Runtime runtime = runtime(root, Runtime.NODEJS22);
        Adapter adapter = enumOf(Adapter.class, root.choice("adapter"), Adapter.PORTABLE);
        root.text("stage");
        root.entries("params")
                .forEach((stage, e) -> reader.entries(
                        e.value(), root.path("params") + "." + stage, new Type.MapOf(new Type.Any(), null, null)));
        Providers providers = providers(root.object("providers"));
        View defaults = root.object("defaults");
        PackageSpec packaging = packaging(root.object("package"));
        Map<String, Function> functions = new LinkedHashMap<>();
        root.entries("functions")
                .forEach((fn, e) -> function(
                                fn,
                                reader.object(e.value(), "functions." + fn, ModelSchema.FUNCTION),
                                defaults,
                                runtime,
                                adapter)
                        .ifPresent(f -> functions.put(fn, f)));
        Map<String, Resource> resources = new LinkedHashMap<>();
        root.entries("resources")
                .forEach((rn, e) -> resource(e.value(), "resources." + rn).ifPresent(r -> resources.put(rn, r)));
        // an invalid name is already reported; bind the rest so that every other problem is found too
        return Optional.of(new Service(
                name == null ? "service" : name,
                root.text("description"),
                resolved.stage(),
                runtime,
                adapter,
                providers,
                packaging,
                functions,
                resources));
    }

    /** The runtime a map names, {@code inherited} when it names none, null (reported) when it names an unknown one. */
    private static Runtime runtime(View v, Runtime inherited) {
        if (!v.has("runtime")) return inherited;
        return Optional.ofNullable(v.choice("runtime")).flatMap(Runtime::byId).orElse(null);
    }

    private static <E extends Enum<E> & Named> E enumOf(Class<E> type, String id, E fallback) {
        if (id == null) return fallback;
        for (E e : type.getEnumConstants()) if (e.id().equals(id)) return e;
        return fallback;
    }

    private Providers providers(View p) {
        if (p == null) return new Providers(null, null, null);
        // "aws:" with nothing after it reads as null: an empty block, not "no aws" (else validate says valid and
        // generate finds no block)
        p.emptyValue("aws", "providers.aws has no value: write its settings, such as aws: { region: us-east-1 }");
        p.emptyValue(
                "azure", "providers.azure has no value: write its settings, such as azure: { location: westeurope }");
        p.emptyValue(
                "gcp",
                "providers.gcp has no value: write its settings, such as gcp: { project: my-project, region: europe-west1 }");
        View aws = p.object("aws");
        View azure = p.object("azure");
        View gcp = p.object("gcp");
        return new Providers(
                aws == null
                        ? null
                        : new Providers.Aws(
                                aws.text("region"),
                                enumOf(AwsFormat.class, aws.choice("format"), AwsFormat.CLOUDFORMATION),
                                aws.text("profile")),
                azure == null
                        ? null
                        : new Providers.Azure(
                                azure.text("location"),
                                azure.text("resourceGroup"),
                                enumOf(AzurePlan.class, azure.choice("plan"), AzurePlan.FLEX),
                                enumOf(
                                        dev.strato.model.providers.AzureQueues.class,
                                        azure.choice("queues"),
                                        dev.strato.model.providers.AzureQueues.SERVICEBUS)),
                gcp == null
                        ? null
                        : new Providers.Gcp(
                                gcp.text("project"),
                                gcp.text("region"),
                                enumOf(
                                        dev.strato.model.providers.GcpGateway.class,
                                        gcp.choice("gateway"),
                                        dev.strato.model.providers.GcpGateway.NONE),
                                enumOf(
                                        dev.strato.model.providers.GcpEngine.class,
                                        gcp.choice("engine"),
                                        dev.strato.model.providers.GcpEngine.INFRA_MANAGER),
                                gcp.text("serviceAccount")));
    }

    private PackageSpec packaging(View p) {
        if (p == null) return new PackageSpec(List.of(), List.of(), true);
        List<String> include = p.texts("include");
        List<String> exclude = p.texts("exclude");
        Boolean individually = p.bool("individually");
        return new PackageSpec(
                include == null ? List.of() : include,
                exclude == null ? List.of() : exclude,
                individually == null || individually);
    }

    private Optional<Function> function(
            String name, View fn, View defaults, Runtime serviceRuntime, Adapter serviceAdapter) {
        if (fn == null) return Optional.empty();
        Defaults d = new Defaults(fn, defaults);
        Map<String, Value> environment = new LinkedHashMap<>();
        if (defaults != null) environment.putAll(environment(defaults));
        environment.putAll(environment(fn));
        Map<String, String> tags = new LinkedHashMap<>();
        if (defaults != null) tags.putAll(tags(defaults));
        tags.putAll(tags(fn));
        List<Event> events = new ArrayList<>();
        List<YNode> items = fn.list("events");
        for (int i = 0; i < items.size(); i++)
            event(items.get(i), fn.path("events") + "[" + i + "]").ifPresent(events::add);
        Map<String, List<Verb>> permissions = new LinkedHashMap<>();
        fn.entries("permissions")
                .forEach((res, e) -> permissions.put(res, verbs(e.value(), fn.path("permissions") + "." + res)));
        String handler = fn.text("handler");
        Runtime runtime = runtime(fn, serviceRuntime);
        return Optional.of(new Function(
                name,
                handler,
                fn.text("description"),
                runtime,
                enumOf(Adapter.class, fn.choice("adapter"), serviceAdapter),
                d.get(View::sizeMb, "memory", DEFAULT_MEMORY_MB),
                d.get(View::duration, "timeout", DEFAULT_TIMEOUT),
                environment,
                d.get(View::bool, "tracing", false),
                d.get(View::integer, "logRetentionDays", DEFAULT_LOG_RETENTION_DAYS),
                d.get(View::bool, "alarms", false),
                tags,
                enumOf(Architecture.class, d.get(View::choice, "architecture", null), Architecture.ARM64),
                d.get(View::integer, "retries", DEFAULT_RETRIES),
                fn.text("deadLetter"),
                events,
                permissions));
    }

    /** function value > defaults > built-in, each read (and checked) once. */
    private record Defaults(View fn, View defaults) {
        <T> T get(java.util.function.BiFunction<View, String, T> read, String key, T builtIn) {
            if (fn.has(key)) {
                T own = read.apply(fn, key);
                return own != null ? own : builtIn;
            }
            T inherited = defaults == null ? null : read.apply(defaults, key);
            return inherited != null ? inherited : builtIn;
        }
    }

    private Map<String, Value> environment(View v) {
        Map<String, Value> out = new LinkedHashMap<>();
        v.entries("environment").forEach((k, e) -> {
            YNode n = e.value();
            String path = v.path("environment") + "." + k;
            if (reader.failed(n)) return;
            if (n instanceof YSymbolic s) {
                out.put(k, s.value());
            } else if (n instanceof YScalar s && s.value() != null) {
                out.put(k, new Value.Text(String.valueOf(s.value())));
            } else if (n instanceof YScalar) {
                out.put(k, new Value.Text(""));
            } else {
                reader.typeError(n, path, "a string");
            }
        });
        return out;
    }

    private Map<String, String> tags(View v) {
        Map<String, String> out = new LinkedHashMap<>();
        v.entries("tags").forEach((k, e) -> {
            String t = reader.text(e.value(), v.path("tags") + "." + k, Type.Text.ANY);
            if (t != null) out.put(k, t);
        });
        return out;
    }

    private List<Verb> verbs(YNode node, String path) {
        Type.Choice choice = new Type.Choice(Named.ids(Verb.class));
        LinkedHashSet<Verb> out = new LinkedHashSet<>();
        List<YNode> items = node instanceof YScalar s && s.isString() ? List.of(node) : reader.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String id = reader.choice(items.get(i), path + "[" + i + "]", choice);
            if (id != null) out.add(enumOf(Verb.class, id, null));
        }
        if (items.isEmpty() && node instanceof YList)
            reader.error(node, path, "no verbs: list what the function may do");
        return List.copyOf(out);
    }

    private Optional<Event> event(YNode node, String path) {
        View item = reader.object(node, path, ModelSchema.EVENT);
        if (item == null) return Optional.empty();
        for (String kind : Event.KINDS) {
            YNode value = item.node(kind);
            if (value == null) {
                if (item.map().get(kind) != null)
                    reader.error(item.map().get(kind), path + "." + kind, "empty " + kind + " event");
                continue;
            }
            String p = path + "." + kind;
            boolean longForm = value instanceof YMap;
            return switch (kind) {
                case "http" -> longForm ? http(reader.object(value, p, ModelSchema.HTTP)) : httpShort(value, p);
                case "schedule" ->
                    longForm ? schedule(reader.object(value, p, ModelSchema.SCHEDULE), p) : scheduleShort(value, p);
                case "queue" ->
                    longForm
                            ? queue(reader.object(value, p, ModelSchema.QUEUE_EVENT))
                            : name(value, p, "queue").map(q -> new Event.Queue(q, DEFAULT_QUEUE_BATCH));
                case "topic" ->
                    longForm
                            ? topic(reader.object(value, p, ModelSchema.TOPIC_EVENT))
                            : name(value, p, "topic").map(t -> new Event.Topic(t, Map.of()));
                case "bucket" ->
                    longForm
                            ? bucket(reader.object(value, p, ModelSchema.BUCKET_EVENT))
                            : name(value, p, "bucket")
                                    .map(b -> new Event.Bucket(b, List.of(BucketAction.CREATED), null, null));
                case "table" ->
                    longForm
                            ? table(reader.object(value, p, ModelSchema.TABLE_EVENT))
                            : name(value, p, "table").map(t -> new Event.Table(t, DEFAULT_TABLE_BATCH));
                default -> throw new IllegalStateException(kind);
            };
        }
        return Optional.empty();
    }

    private Optional<String> name(YNode node, String path, String what) {
        return Optional.ofNullable(reader.text(node, path, (Type.Text) ModelSchema.resourceName(what)));
    }

    private Optional<Event> httpShort(YNode node, String path) {
        String text = reader.text(node, path, Type.Text.ANY);
        if (text == null) return Optional.empty();
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            reader.error(node, path, "expected 'METHOD /path' such as 'GET /orders/{id}', got '" + text + "'");
            return Optional.empty();
        }
        Optional<HttpMethod> method = method(parts[0], node, path);
        return method.map(m -> new Event.Http(m, parts[1], null, Event.Auth.NONE));
    }

    private Optional<HttpMethod> method(String text, YNode node, String path) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (HttpMethod m : HttpMethod.values()) if (m.id().equals(upper)) return Optional.of(m);
        List<String> ids = Named.ids(HttpMethod.class);
        reader.error(
                node,
                path,
                "unknown HTTP method '" + text + "'" + Suggestions.didYouMean(upper, ids) + " (allowed: "
                        + String.join(", ", ids) + ")");
        return Optional.empty();
    }

    private Optional<Event> http(View v) {
        if (v == null) return Optional.empty();
        String methodText = v.choice("method");
        String path = v.text("path");
        Event.Cors cors = cors(v, "cors");
        Event.Auth auth = auth(v);
        if (methodText == null || path == null) return Optional.empty();
        return Optional.of(new Event.Http(HttpMethod.valueOf(methodText), path, cors, auth));
    }

    private Event.Cors cors(View v, String key) {
        YNode n = v.node(key);
        if (n == null) return null;
        if (!(n instanceof YMap)) {
            Boolean on = reader.bool(n, v.path(key));
            return on != null && on ? Event.Cors.OPEN : null;
        }
        View c = reader.object(n, v.path(key), ModelSchema.CORS);
        if (c == null) return null;
        List<String> origins = c.texts("origins");
        List<String> methods = c.texts("methods");
        List<String> headers = c.texts("headers");
        Boolean credentials = c.bool("credentials");
        return new Event.Cors(
                origins == null ? List.of("*") : origins,
                methods == null ? List.of("*") : methods,
                headers == null ? List.of("*") : headers,
                credentials != null && credentials,
                c.duration("maxAge"));
    }

    private Event.Auth auth(View v) {
        YNode n = v.node("auth");
        if (n == null) return Event.Auth.NONE;
        if (!(n instanceof YMap)) {
            String kind = reader.choice(n, v.path("auth"), new Type.Choice(Named.ids(AuthKind.class)));
            if (kind == null) return Event.Auth.NONE;
            AuthKind k = enumOf(AuthKind.class, kind, AuthKind.NONE);
            if (k == AuthKind.JWT) {
                reader.error(
                        n,
                        v.path("auth"),
                        "jwt needs an issuer and an audience: write auth: { type: jwt, issuer: https://..., audience: [...] }");
            }
            return new Event.Auth(k, null, List.of());
        }
        View a = reader.object(n, v.path("auth"), ModelSchema.AUTH);
        if (a == null) return Event.Auth.NONE;
        AuthKind kind = enumOf(AuthKind.class, a.choice("type"), AuthKind.NONE);
        List<String> audience = a.texts("audience");
        return new Event.Auth(kind, a.text("issuer"), audience == null ? List.of() : audience);
    }

    private Optional<Event> scheduleShort(YNode node, String path) {
        String text = reader.text(node, path, Type.Text.ANY);
        if (text == null) return Optional.empty();
        Optional<Duration> rate = Durations.parse(text);
        return Optional.of(
                rate.isPresent()
                        ? new Event.Schedule(null, rate.get(), "UTC", null, true)
                        : new Event.Schedule(text.strip(), null, "UTC", null, true));
    }

    private Optional<Event> schedule(View v, String path) {
        if (v == null) return Optional.empty();
        String cron = v.text("cron");
        Duration rate = v.duration("rate");
        if (v.has("cron") == v.has("rate")) {
            reader.error(
                    v.map(), path, v.has("cron") ? "give cron or rate, not both" : "a schedule needs cron or rate");
            return Optional.empty();
        }
        String timezone = v.text("timezone");
        Boolean enabled = v.bool("enabled");
        Object input = v.has("input") ? plain(v.node("input"), v.path("input")) : null;
        if (cron == null && rate == null) return Optional.empty();
        return Optional.of(new Event.Schedule(
                cron == null ? null : cron.strip(),
                rate,
                timezone == null ? "UTC" : timezone,
                input,
                enabled == null || enabled));
    }

    /** A YAML value as plain Java data (maps, lists, strings, numbers, booleans). */
    private Object plain(YNode node, String path) {
        if (node instanceof YScalar s) return s.value();
        if (node instanceof YSymbolic s) {
            reader.error(node, path, "a " + s.value().describe() + " is allowed only in environment values");
            return null;
        }
        if (node instanceof YList l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) out.add(plain(l.items().get(i), path + "[" + i + "]"));
            return java.util.Collections.unmodifiableList(out);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((YMap) node).entries().forEach((k, e) -> out.put(k, plain(e.value(), path + "." + k)));
        return java.util.Collections.unmodifiableMap(out);
    }

    private Optional<Event> queue(View v) {
        if (v == null) return Optional.empty();
        String queue = v.text("queue");
        Integer batch = v.integer("batchSize");
        return queue == null
                ? Optional.empty()
                : Optional.of(new Event.Queue(queue, batch == null ? DEFAULT_QUEUE_BATCH : batch));
    }

    private Optional<Event> topic(View v) {
        if (v == null) return Optional.empty();
        String topic = v.text("topic");
        Map<String, List<String>> filter = new LinkedHashMap<>();
        v.entries("filter").forEach((k, e) -> filter.put(k, reader.texts(e.value(), v.path("filter") + "." + k)));
        return topic == null ? Optional.empty() : Optional.of(new Event.Topic(topic, filter));
    }

    private Optional<Event> bucket(View v) {
        if (v == null) return Optional.empty();
        String bucket = v.text("bucket");
        LinkedHashSet<BucketAction> on = new LinkedHashSet<>();
        List<YNode> items = v.node("on") instanceof YScalar ? List.of(v.node("on")) : v.list("on");
        Type.Choice actions = new Type.Choice(Named.ids(BucketAction.class));
        for (int i = 0; i < items.size(); i++) {
            String a = reader.choice(items.get(i), v.path("on") + "[" + i + "]", actions);
            if (a != null) on.add(enumOf(BucketAction.class, a, BucketAction.CREATED));
        }
        if (items.isEmpty() && v.has("on")) {
            // "on: []" would silently mean the default: an event on no operation is a mistake, not a choice
            reader.error(
                    v.node("on"),
                    v.path("on"),
                    "on lists no operation: write on: [created], [deleted] or both (or leave on out for created)");
        }
        if (on.isEmpty()) on.add(BucketAction.CREATED);
        return bucket == null
                ? Optional.empty()
                : Optional.of(new Event.Bucket(bucket, List.copyOf(on), v.text("prefix"), v.text("suffix")));
    }

    private Optional<Event> table(View v) {
        if (v == null) return Optional.empty();
        String table = v.text("table");
        Integer batch = v.integer("batchSize");
        return table == null
                ? Optional.empty()
                : Optional.of(new Event.Table(table, batch == null ? DEFAULT_TABLE_BATCH : batch));
    }

    private Optional<Resource> resource(YNode node, String path) {
        if (reader.failed(node)) return Optional.empty();
        if (!(node instanceof YMap map)) {
            reader.typeError(node, path, "a map with a 'type'");
            return Optional.empty();
        }
        YNode typeNode = map.get("type");
        if (typeNode == null) {
            reader.error(node, path, "missing required key 'type': one of " + String.join(", ", Resource.TYPES));
            return Optional.empty();
        }
        String type = reader.choice(typeNode, path + ".type", new Type.Choice(Resource.TYPES));
        if (type == null) return Optional.empty();
        View v = reader.object(
                node, path, ((Type.Tagged) ModelSchema.RESOURCE).shapes().get(type));
        if (v == null) return Optional.empty();
        return switch (type) {
            case "table" -> tableResource(v);
            case "bucket" -> {
                Boolean versioning = v.bool("versioning");
                yield Optional.of(new Resource.Bucket(
                        versioning != null && versioning, v.integer("expireAfterDays"), cors(v, "cors")));
            }
            case "queue" -> {
                Duration visibility = v.duration("visibilityTimeout");
                Duration retention = v.duration("retention");
                Integer receives = v.integer("maxReceiveCount");
                yield Optional.of(new Resource.Queue(
                        visibility == null ? DEFAULT_VISIBILITY : visibility,
                        retention == null ? DEFAULT_RETENTION : retention,
                        v.text("deadLetter"),
                        receives == null ? DEFAULT_MAX_RECEIVE : receives));
            }
            default -> Optional.of(new Resource.Topic());
        };
    }

    private Optional<Resource> tableResource(View v) {
        View key = v.object("key");
        Resource.Key partition = key == null ? null : keyAttribute(key, "partition");
        Resource.Key sort = key == null ? null : keyAttribute(key, "sort");
        Boolean stream = v.bool("stream");
        String ttl = v.text("ttl");
        if (partition == null) return Optional.empty();
        return Optional.of(new Resource.Table(partition, sort, ttl, stream != null && stream));
    }

    private Resource.Key keyAttribute(View key, String which) {
        YNode n = key.node(which);
        if (n == null) return null;
        if (!(n instanceof YMap)) {
            String name = reader.text(n, key.path(which), Type.Text.ANY);
            return name == null ? null : new Resource.Key(name, KeyType.STRING);
        }
        View a = reader.object(n, key.path(which), ModelSchema.KEY_ATTRIBUTE);
        if (a == null || a.text("name") == null) return null;
        return new Resource.Key(a.text("name"), enumOf(KeyType.class, a.choice("type"), KeyType.STRING));
    }
}
