package dev.strato.insight.graph;

import java.util.List;

/** The service as nodes (functions, routes, schedules, resources, secrets) and edges (triggers, permissions, dead letters). */
public record Graph(String title, List<Node> nodes, List<Edge> edges) {

    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public enum Kind {
        FUNCTION,
        ROUTE,
        SCHEDULE,
        TABLE,
        BUCKET,
        QUEUE,
        TOPIC,
        SECRET
    }

    /** @param nativeType the provider's resource type, or null without {@code --provider}
     *  @param nativeName the provider's resource name, or null */
    public record Node(String id, Kind kind, String label, String nativeType, String nativeName) {}

    public enum EdgeKind {
        TRIGGER,
        ACCESS,
        DEAD_LETTER
    }

    public record Edge(String from, String to, EdgeKind kind, String label) {}
}
