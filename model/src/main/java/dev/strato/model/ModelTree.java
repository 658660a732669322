package dev.strato.model;

import dev.strato.model.providers.Providers;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective model as plain ordered maps and lists, in strato.yml's own vocabulary, for
 * {@code strato print} and for generators' tests. Symbolic values print as written
 * ({@code ${secret:NAME}}); secret values are never known here.
 */
public final class ModelTree {

    private ModelTree() {}

    public static Map<String, Object> of(Service s) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "service", s.name());
        put(m, "description", s.description());
        put(m, "stage", s.stage());
        put(m, "runtime", s.runtime().id());
        put(m, "adapter", s.adapter().id());
        m.put("providers", providers(s.providers()));
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("include", s.packaging().include());
        pkg.put("exclude", s.packaging().exclude());
        pkg.put("individually", s.packaging().individually());
        m.put("package", pkg);
        Map<String, Object> functions = new LinkedHashMap<>();
        s.functions().forEach((name, f) -> functions.put(name, function(f)));
        m.put("functions", functions);
        Map<String, Object> resources = new LinkedHashMap<>();
        s.resources().forEach((name, r) -> resources.put(name, resource(r)));
        m.put("resources", resources);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) m.put(key, value);
    }

    private static Map<String, Object> providers(Providers p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p.aws() != null) {
            Map<String, Object> aws = new LinkedHashMap<>();
            put(aws, "region", p.aws().region());
            put(aws, "format", p.aws().format().id());
            put(aws, "profile", p.aws().profile());
            m.put("aws", aws);
        }
        if (p.azure() != null) {
            Map<String, Object> azure = new LinkedHashMap<>();
            put(azure, "location", p.azure().location());
            put(azure, "resourceGroup", p.azure().resourceGroup());
            put(azure, "plan", p.azure().plan().id());
            put(azure, "queues", p.azure().queues().id());
            m.put("azure", azure);
        }
        if (p.gcp() != null) {
            Map<String, Object> gcp = new LinkedHashMap<>();
            put(gcp, "project", p.gcp().project());
            put(gcp, "region", p.gcp().region());
            put(gcp, "gateway", p.gcp().gateway().id());
            if (p.gcp().engine() != dev.strato.model.providers.GcpEngine.INFRA_MANAGER)
                put(gcp, "engine", p.gcp().engine().id());
            put(gcp, "serviceAccount", p.gcp().serviceAccount());
            m.put("gcp", gcp);
        }
        return m;
    }

    private static Map<String, Object> function(Function f) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "handler", f.handler());
        put(m, "description", f.description());
        m.put("runtime", f.runtime().id());
        m.put("adapter", f.adapter().id());
        m.put("memory", f.memoryMb());
        m.put("timeout", Durations.format(f.timeout()));
        Map<String, Object> env = new LinkedHashMap<>();
        f.environment().forEach((k, v) -> env.put(k, v.source()));
        m.put("environment", env);
        m.put("tracing", f.tracing());
        m.put("logRetentionDays", f.logRetentionDays());
        m.put("alarms", f.alarms());
        m.put("tags", f.tags());
        m.put("architecture", f.architecture().id());
        m.put("retries", f.retries());
        put(m, "deadLetter", f.deadLetter());
        List<Object> events = new ArrayList<>();
        f.events().forEach(e -> events.add(Map.of(e.kind(), event(e))));
        m.put("events", events);
        Map<String, Object> permissions = new LinkedHashMap<>();
        f.permissions()
                .forEach((r, verbs) ->
                        permissions.put(r, verbs.stream().map(Verb::id).toList()));
        m.put("permissions", permissions);
        return m;
    }

    private static Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof Event.Http h) {
            m.put("method", h.method().id());
            m.put("path", h.path());
            if (h.cors() != null) m.put("cors", cors(h.cors()));
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("type", h.auth().kind().id());
            put(auth, "issuer", h.auth().issuer());
            if (!h.auth().audience().isEmpty()) auth.put("audience", h.auth().audience());
            m.put("auth", auth);
        } else if (e instanceof Event.Schedule s) {
            put(m, "cron", s.cron());
            if (s.rate() != null) m.put("rate", Durations.format(s.rate()));
            m.put("timezone", s.timezone());
            put(m, "input", s.input());
            m.put("enabled", s.enabled());
        } else if (e instanceof Event.Queue q) {
            m.put("queue", q.queue());
            m.put("batchSize", q.batchSize());
        } else if (e instanceof Event.Topic t) {
            m.put("topic", t.topic());
            if (!t.filter().isEmpty()) m.put("filter", t.filter());
        } else if (e instanceof Event.Bucket b) {
            m.put("bucket", b.bucket());
            m.put("on", b.on().stream().map(BucketAction::id).toList());
            put(m, "prefix", b.prefix());
            put(m, "suffix", b.suffix());
        } else if (e instanceof Event.Table t) {
            m.put("table", t.table());
            m.put("batchSize", t.batchSize());
        }
        return m;
    }

    private static Map<String, Object> cors(Event.Cors c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origins", c.origins());
        m.put("methods", c.methods());
        m.put("headers", c.headers());
        m.put("credentials", c.credentials());
        if (c.maxAge() != null) m.put("maxAge", Durations.format(c.maxAge()));
        return m;
    }

    private static Map<String, Object> resource(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        if (r instanceof Resource.Table t) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put(
                    "partition",
                    Map.of(
                            "name",
                            t.partition().name(),
                            "type",
                            t.partition().type().id()));
            if (t.sort() != null)
                key.put(
                        "sort",
                        Map.of("name", t.sort().name(), "type", t.sort().type().id()));
            m.put("key", key);
            put(m, "ttl", t.ttl());
            m.put("stream", t.stream());
        } else if (r instanceof Resource.Bucket b) {
            m.put("versioning", b.versioning());
            put(m, "expireAfterDays", b.expireAfterDays());
            if (b.cors() != null) m.put("cors", cors(b.cors()));
        } else if (r instanceof Resource.Queue q) {
            m.put("visibilityTimeout", Durations.format(q.visibilityTimeout()));
            m.put("retention", Durations.format(q.retention()));
            put(m, "deadLetter", q.deadLetter());
            m.put("maxReceiveCount", q.maxReceiveCount());
        }
        return m;
    }
}
