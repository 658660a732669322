package dev.strato.insight.graph;

import dev.strato.insight.graph.Graph.Edge;
import dev.strato.insight.graph.Graph.EdgeKind;
import dev.strato.insight.graph.Graph.Kind;
import dev.strato.insight.graph.Graph.Node;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the {@link Graph} of a service, neutral or labelled for one provider, in file order so output is stable. */
public final class GraphBuilder {

    private final Service service;
    private final NativeNames natives;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private GraphBuilder(Service service, Provider provider) {
        this.service = service;
        this.natives = provider == null ? null : new NativeNames(service, provider);
    }

    /** @param provider null for the neutral picture */
    public static Graph build(Service service, Provider provider) {
        return new GraphBuilder(service, provider).build();
    }

    private Graph build() {
        service.resources().forEach((name, r) -> node("res_" + name, kindOf(r), name));
        for (Function f : service.functions().values()) {
            String fn = node("fn_" + f.name(), Kind.FUNCTION, f.name());
            for (int i = 0; i < f.events().size(); i++)
                trigger(f, fn, i, f.events().get(i));
            f.permissions().forEach((res, verbs) -> {
                if (service.resources().containsKey(res) && !verbs.isEmpty()) {
                    edges.add(new Edge(
                            fn,
                            "res_" + res,
                            EdgeKind.ACCESS,
                            String.join(", ", verbs.stream().map(Verb::id).toList())));
                }
            });
            TreeSet<String> secrets = new TreeSet<>();
            f.environment().values().forEach(v -> collectSecrets(v, secrets));
            for (String secret : secrets)
                edges.add(new Edge(fn, node("secret_" + secret, Kind.SECRET, secret), EdgeKind.ACCESS, "read"));
            if (f.deadLetter() != null)
                edges.add(new Edge(fn, "res_" + f.deadLetter(), EdgeKind.DEAD_LETTER, "failed events"));
        }
        service.resources().forEach((name, r) -> {
            if (r instanceof Resource.Queue q && q.deadLetter() != null) {
                edges.add(new Edge(
                        "res_" + name,
                        "res_" + q.deadLetter(),
                        EdgeKind.DEAD_LETTER,
                        "after " + q.maxReceiveCount() + " receives"));
            }
        });
        return new Graph(service.name() + " (" + service.stage() + ")", List.copyOf(nodes.values()), edges);
    }

    private void trigger(Function f, String fn, int index, Event e) {
        if (e instanceof Event.Http h) {
            String route = node("route_" + f.name() + "_" + index, Kind.ROUTE, h.method() + " " + h.path());
            edges.add(new Edge(
                    route,
                    fn,
                    EdgeKind.TRIGGER,
                    h.auth() == null || h.auth().kind() == dev.strato.model.service.AuthKind.NONE
                            ? "http"
                            : "http, " + h.auth().kind() + " auth"));
        } else if (e instanceof Event.Schedule s) {
            String what = s.cron() != null ? "cron " + s.cron() : "every " + Durations.format(s.rate());
            String label = what + (s.timezone() == null ? "" : " " + s.timezone()) + (s.enabled() ? "" : " (disabled)");
            edges.add(new Edge(
                    node("schedule_" + f.name() + "_" + index, Kind.SCHEDULE, label),
                    fn,
                    EdgeKind.TRIGGER,
                    "schedule"));
        } else if (e instanceof Event.Queue q) {
            edges.add(new Edge("res_" + q.queue(), fn, EdgeKind.TRIGGER, "batch " + q.batchSize()));
        } else if (e instanceof Event.Topic t) {
            edges.add(new Edge(
                    "res_" + t.topic(),
                    fn,
                    EdgeKind.TRIGGER,
                    t.filter().isEmpty() ? "subscription" : "filter " + filter(t.filter())));
        } else if (e instanceof Event.Bucket b) {
            String on = String.join(", ", b.on().stream().map(Object::toString).toList());
            String match = (b.prefix() == null ? "" : " " + b.prefix() + "*")
                    + (b.suffix() == null ? "" : (b.prefix() == null ? " *" : "") + b.suffix());
            edges.add(new Edge("res_" + b.bucket(), fn, EdgeKind.TRIGGER, on + match));
        } else if (e instanceof Event.Table t) {
            edges.add(new Edge("res_" + t.table(), fn, EdgeKind.TRIGGER, "stream, batch " + t.batchSize()));
        }
    }

    private static String filter(Map<String, List<String>> filter) {
        List<String> parts = new ArrayList<>();
        filter.forEach((k, v) -> parts.add(k + "=" + String.join("|", v)));
        return String.join(" ", parts);
    }

    private static void collectSecrets(Value v, TreeSet<String> into) {
        if (v instanceof Value.Secret s) into.add(s.name());
        if (v instanceof Value.Concat c) c.parts().forEach(p -> collectSecrets(p, into));
    }

    private String node(String id, Kind kind, String label) {
        String safe = id.replaceAll("[^A-Za-z0-9_]", "_");
        nodes.computeIfAbsent(
                safe,
                k -> natives == null
                        ? new Node(k, kind, label, null, null)
                        : new Node(k, kind, label, natives.type(kind, label), natives.name(kind, label)));
        return safe;
    }

    static Kind kindOf(Resource r) {
        if (r instanceof Resource.Table) return Kind.TABLE;
        if (r instanceof Resource.Bucket) return Kind.BUCKET;
        if (r instanceof Resource.Queue) return Kind.QUEUE;
        return Kind.TOPIC;
    }
}
