package dev.strato.insight.graph;

import dev.strato.insight.graph.Graph.Edge;
import dev.strato.insight.graph.Graph.Node;

/** Graphviz DOT: the same nodes and edges as {@link Mermaid}, for {@code dot -Tsvg} and other layouts. */
public final class Dot {

    private Dot() {}

    public static String render(Graph g) {
        StringBuilder b = new StringBuilder();
        b.append("digraph ").append(quote(g.title())).append(" {\n");
        b.append("  rankdir=LR;\n  label=")
                .append(quote(g.title()))
                .append(";\n  node [fontname=\"Helvetica\", fontsize=11];\n");
        b.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Node n : g.nodes()) {
            String label = n.label()
                    + (n.nativeType() == null ? "" : "\n" + n.nativeType())
                    + (n.nativeName() == null ? "" : "\n" + n.nativeName());
            b.append("  ")
                    .append(n.id())
                    .append(" [label=")
                    .append(quote(label))
                    .append(", ")
                    .append(style(n.kind()))
                    .append("];\n");
        }
        for (Edge e : g.edges()) {
            String style = switch (e.kind()) {
                case TRIGGER -> "";
                case ACCESS -> ", penwidth=2";
                case DEAD_LETTER -> ", style=dashed, color=\"#dc322f\"";
            };
            b.append("  ")
                    .append(e.from())
                    .append(" -> ")
                    .append(e.to())
                    .append(" [label=")
                    .append(quote(e.label()))
                    .append(style)
                    .append("];\n");
        }
        return b.append("}\n").toString();
    }

    private static String style(Graph.Kind kind) {
        return switch (kind) {
            case FUNCTION -> "shape=box, style=\"rounded,filled\", fillcolor=\"#fff3c4\"";
            case ROUTE -> "shape=box, style=\"rounded,filled\", fillcolor=\"#e0f0ff\"";
            case SCHEDULE -> "shape=ellipse, style=filled, fillcolor=\"#e0f0ff\"";
            case TABLE, BUCKET -> "shape=cylinder";
            case QUEUE -> "shape=parallelogram";
            case TOPIC -> "shape=hexagon";
            case SECRET -> "shape=note, style=filled, fillcolor=\"#fde2e2\"";
        };
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
