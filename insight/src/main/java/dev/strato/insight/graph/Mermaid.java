package dev.strato.insight.graph;

import dev.strato.insight.graph.Graph.Edge;
import dev.strato.insight.graph.Graph.Node;

/** A Mermaid flowchart (renders on GitHub and in most editors): one shape per kind, dotted dead-letter edges. */
public final class Mermaid {

    private Mermaid() {}

    public static String render(Graph g) {
        StringBuilder b = new StringBuilder();
        b.append("---\ntitle: ").append(g.title()).append("\n---\nflowchart LR\n");
        for (Node n : g.nodes()) b.append("  ").append(n.id()).append(shape(n)).append('\n');
        for (Edge e : g.edges()) {
            String arrow = switch (e.kind()) {
                case TRIGGER -> " -->";
                case ACCESS -> " ==>";
                case DEAD_LETTER -> " -.->";
            };
            b.append("  ")
                    .append(e.from())
                    .append(arrow)
                    .append("|")
                    .append(text(e.label()))
                    .append("| ")
                    .append(e.to())
                    .append('\n');
        }
        for (Graph.Kind k : Graph.Kind.values()) {
            String ids = String.join(
                    ",",
                    g.nodes().stream().filter(n -> n.kind() == k).map(Node::id).toList());
            if (!ids.isEmpty())
                b.append("  class ")
                        .append(ids)
                        .append(' ')
                        .append(k.name().toLowerCase(java.util.Locale.ROOT))
                        .append('\n');
        }
        b.append("  classDef function fill:#fff3c4,stroke:#b58900\n");
        b.append("  classDef route fill:#e0f0ff,stroke:#268bd2\n");
        b.append("  classDef schedule fill:#e0f0ff,stroke:#268bd2\n");
        b.append("  classDef secret fill:#fde2e2,stroke:#dc322f\n");
        return b.toString();
    }

    private static String shape(Node n) {
        String label = "\"" + text(n.label())
                + (n.nativeType() == null ? "" : "<br/><small>" + text(n.nativeType()) + "</small>")
                + (n.nativeName() == null ? "" : "<br/><small>" + text(n.nativeName()) + "</small>") + "\"";
        return switch (n.kind()) {
            case FUNCTION -> "[" + label + "]";
            case ROUTE -> "([" + label + "])";
            case SCHEDULE -> "((" + label + "))";
            case TABLE, BUCKET -> "[(" + label + ")]";
            case QUEUE -> "[/" + label + "/]";
            case TOPIC -> "{{" + label + "}}";
            case SECRET -> "[[" + label + "]]";
        };
    }

    /** Mermaid reads quotes and some punctuation as syntax: write them as entities. */
    static String text(String s) {
        return s.replace("\"", "#quot;")
                .replace("|", "#124;")
                .replace("{", "#123;")
                .replace("}", "#125;")
                .replace("<", "#lt;")
                .replace(">", "#gt;");
    }
}
