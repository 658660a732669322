package dev.strato.insight.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.insight.Models;
import dev.strato.insight.graph.Graph.Edge;
import dev.strato.insight.graph.Graph.EdgeKind;
import dev.strato.insight.graph.Graph.Kind;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph's nodes and edges: triggers, permissions with their verbs, secrets, dead letters, native labels. */
class GraphTest {

    @TempDir
    Path dir;

    @Test
    void ordersHasEveryFunctionResourceRouteScheduleAndSecret() {
        Graph g = GraphBuilder.build(Models.example("orders").service().orElseThrow(), null);
        assertThat(g.nodes())
                .extracting(Graph.Node::kind)
                .filteredOn(k -> k == Kind.FUNCTION)
                .hasSize(5);
        assertThat(g.nodes())
                .filteredOn(n -> n.kind() == Kind.QUEUE)
                .extracting(Graph.Node::label)
                .containsExactly("orderJobs", "failedJobs", "failedPayments");
        assertThat(g.nodes())
                .filteredOn(n -> n.kind() == Kind.ROUTE)
                .extracting(Graph.Node::label)
                .containsExactly("POST /orders", "GET /orders/{id}");
        assertThat(g.nodes())
                .filteredOn(n -> n.kind() == Kind.SCHEDULE)
                .extracting(Graph.Node::label)
                .containsExactly("cron 0 2 * * * UTC");
        assertThat(g.nodes())
                .filteredOn(n -> n.kind() == Kind.SECRET)
                .extracting(Graph.Node::label)
                .containsExactly("payments-api-key");
        assertThat(g.edges())
                .contains(
                        new Edge("route_createOrder_0", "fn_createOrder", EdgeKind.TRIGGER, "http"),
                        new Edge("fn_createOrder", "res_orders", EdgeKind.ACCESS, "write"),
                        new Edge("res_orderJobs", "fn_orderWorker", EdgeKind.TRIGGER, "batch 5"),
                        new Edge("res_paymentRequests", "fn_processPayment", EdgeKind.TRIGGER, "filter type=order"),
                        new Edge("fn_processPayment", "res_failedPayments", EdgeKind.DEAD_LETTER, "failed events"),
                        new Edge("res_orderJobs", "res_failedJobs", EdgeKind.DEAD_LETTER, "after 5 receives"),
                        new Edge("fn_processPayment", "secret_payments_api_key", EdgeKind.ACCESS, "read"));
        assertThat(g.edges()).hasSize(15);
        // every edge joins two nodes of the graph
        assertThat(g.edges())
                .allSatisfy(
                        e -> assertThat(g.nodes()).extracting(Graph.Node::id).contains(e.from(), e.to()));
    }

    @Test
    void bucketAndTableEventsAndAuthShowOnTheEdge() {
        Service s = Models.load(dir, """
                functions:
                  f:
                    handler: src/f.handle
                    events:
                      - bucket: { bucket: b, on: [created], prefix: in/, suffix: .png }
                      - table: { table: t, batchSize: 50 }
                      - http: { method: GET, path: /x, auth: { type: jwt, issuer: "https://issuer.example.com", audience: [api] } }
                resources:
                  b: { type: bucket }
                  t: { type: table, key: { partition: id }, stream: true }
                """).service().orElseThrow();
        Graph g = GraphBuilder.build(s, null);
        assertThat(g.edges())
                .contains(
                        new Edge("res_b", "fn_f", EdgeKind.TRIGGER, "created in/*.png"),
                        new Edge("res_t", "fn_f", EdgeKind.TRIGGER, "stream, batch 50"),
                        new Edge("route_f_2", "fn_f", EdgeKind.TRIGGER, "http, jwt auth"));
    }

    @Test
    void providerLabelsCarryNativeTypesAndNames() {
        Service orders = Models.example("orders").service().orElseThrow();
        Graph aws = GraphBuilder.build(orders, Provider.AWS);
        Graph.Node fn = aws.nodes().stream()
                .filter(n -> n.id().equals("fn_createOrder"))
                .findFirst()
                .orElseThrow();
        assertThat(fn.nativeType()).isEqualTo("AWS::Lambda::Function");
        assertThat(fn.nativeName()).isEqualTo("orders-dev-create-order");
        Graph gcp = GraphBuilder.build(orders, Provider.GCP);
        assertThat(gcp.nodes())
                .filteredOn(n -> n.id().equals("res_paymentRequests"))
                .extracting(Graph.Node::nativeType)
                .containsExactly("google_pubsub_topic");
        assertThat(GraphBuilder.build(orders, null).nodes())
                .allSatisfy(n -> assertThat(n.nativeType()).isNull());
    }

    @Test
    void renderersEscapeWhatTheirSyntaxReads() {
        assertThat(Mermaid.text("GET /a/{id} \"x\" |y|")).isEqualTo("GET /a/#123;id#125; #quot;x#quot; #124;y#124;");
        assertThat(Dot.quote("a \"b\"\nc")).isEqualTo("\"a \\\"b\\\"\\nc\"");
        Graph g = GraphBuilder.build(Models.example("orders").service().orElseThrow(), null);
        assertThat(Mermaid.render(g))
                .startsWith("---\ntitle: orders (dev)\n---\nflowchart LR\n")
                .contains("res_orderJobs -.->|after 5 receives| res_failedJobs");
        assertThat(Dot.render(g))
                .startsWith("digraph \"orders (dev)\" {")
                .contains("fn_createOrder -> res_orders [label=\"write\", penwidth=2];")
                .endsWith("}\n");
    }
}
