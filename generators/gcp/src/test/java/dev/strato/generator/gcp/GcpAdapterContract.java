package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.gcp.FunctionHost.Signature;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GCP adapter of one runtime against the shared adapter matrix: a service with one function
 * per trigger kind is generated, each function's handler is a recording stub, and the native
 * samples of {@code events/} (README there: the documentation each is shaped from) are sent to
 * the generated entry through the runtime's Functions Framework.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GcpAdapterContract {

    static final List<String> FUNCTIONS = List.of("onHttp", "onSchedule", "onQueue", "onTopic", "onBucket", "onTable");

    FunctionHost host;
    Map<String, Path> packages;

    abstract String runtime();

    abstract FunctionHost host(Path work) throws IOException;

    /** The project's handler module, a recording stub exporting every function's handler. */
    abstract void writeStub(Path project) throws IOException;

    @BeforeAll
    void generate(@TempDir Path temp) throws Exception {
        host = host(temp.resolve("host"));
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.writeString(project.resolve("strato.yml"), """
                service: adapter-test
                runtime: %s
                stage: test
                providers:
                  gcp: { project: acme-adapter, region: europe-west1 }
                functions:
                  onHttp:
                    handler: src/stub.onHttp
                    events: [ { http: { method: POST, path: "/orders/{id}" } } ]
                  onSchedule:
                    handler: src/stub.onSchedule
                    events: [ { schedule: { cron: "0 2 * * *", timezone: UTC, input: { lookbackHours: 24 } } } ]
                  onQueue:
                    handler: src/stub.onQueue
                    events: [ { queue: { queue: jobs } } ]
                  onTopic:
                    handler: src/stub.onTopic
                    events: [ { topic: { topic: events } } ]
                  onBucket:
                    handler: src/stub.onBucket
                    events: [ { bucket: { bucket: uploads, on: [created, deleted] } } ]
                  onTable:
                    handler: src/stub.onTable
                    events: [ { table: { table: orders } } ]
                  delete:
                    handler: src/stub.onHttp
                    events: [ { http: "GET /a" } ]
                  import:
                    handler: src/stub.onHttp
                    events: [ { http: "GET /b" } ]
                  direct:
                    handler: src/stub.onHttp
                resources:
                  orders: { type: table, key: { partition: id }, stream: true }
                  jobs: { type: queue, deadLetter: failedJobs }
                  failedJobs: { type: queue }
                  events: { type: topic }
                  uploads: { type: bucket }
                """.formatted(runtime()));
        writeStub(project);
        Service service = ExampleModels.load(project.resolve("strato.yml"), Provider.GCP);
        packages = FunctionPackages.unzip(service, project, temp.resolve("packages"));
    }

    @AfterAll
    void stop() throws Exception {
        if (host != null) host.close();
    }

    static JsonNode sample(String name) throws IOException {
        try (InputStream in = GcpAdapterContract.class.getResourceAsStream("/events/" + name)) {
            if (in == null) throw new IOException("no sample events/" + name);
            return NativeRequest.JSON.readTree(in);
        }
    }

    HostResponse call(String function, Signature signature, NativeRequest request) throws Exception {
        return host.call(packages.get(function), GcpNames.key(function), signature, request);
    }

    // ---- http ------------------------------------------------------------------------------------

    @Test
    void httpRequestBecomesTheNeutralEventAndTheAnswerTheResponse() throws Exception {
        JsonNode scenario = AdapterMatrix.scenario("http");
        host.answer(scenario.get("answer"), null);
        HostResponse r = call("onHttp", Signature.HTTP, NativeRequest.http(sample("http-post-order.json")));
        ObjectNode event = (ObjectNode) r.event().deepCopy();
        JsonNode headers = event.get("headers");
        headers.propertyNames().forEach(name -> assertThat(name).isEqualTo(name.toLowerCase(java.util.Locale.ROOT)));
        ObjectNode expectedOnly = NativeRequest.JSON.createObjectNode();
        scenario.get("event").get("headers").propertyNames().forEach(name -> expectedOnly.set(name, headers.get(name)));
        event.set("headers", expectedOnly);
        AdapterMatrix.assertMatches(scenario.get("event"), event);
        JsonNode expected = scenario.get("response");
        assertThat(r.status()).isEqualTo(expected.get("status").asInt());
        expected.get("headers")
                .properties()
                .forEach(e -> assertThat(r.headers().get(e.getKey()))
                        .startsWith(e.getValue().asString()));
        assertThat(NativeRequest.JSON.readTree(r.body()))
                .isEqualTo(NativeRequest.JSON.readTree(expected.get("body").asString()));
        JsonNode ctx = r.ctx();
        assertThat(ctx.get("provider").asString()).isEqualTo("gcp");
        assertThat(ctx.get("stage").asString()).isEqualTo("test");
        assertThat(ctx.get("functionName").asString()).isEqualTo("onHttp");
        assertThat(ctx.get("requestId").isNull()).isFalse();
        assertThat(ctx.get("deadline").asLong()).isGreaterThan(System.currentTimeMillis());
    }

    @Test
    void functionsNamedLikeKeywordsAreExportedUnderTheirEntryPoint() throws Exception {
        host.answer("ok", null);
        assertThat(call("delete", Signature.HTTP, new NativeRequest("GET", "/a", "", Map.of(), new byte[0]))
                        .status())
                .isEqualTo(200);
        assertThat(call("import", Signature.HTTP, new NativeRequest("GET", "/b", "", Map.of(), new byte[0]))
                        .status())
                .isEqualTo(200);
        host.answer(null, null);
    }

    @Test
    void aFunctionWithoutEventsTakesRequestsToItsUrlWithoutARoute() throws Exception {
        host.answer(null, null);
        NativeRequest order = NativeRequest.http(sample("http-post-order.json"));
        HostResponse r = call("direct", Signature.HTTP, order);
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.event().get("route").isNull()).isTrue();
        assertThat(r.event().get("body").get("item").asString()).isEqualTo("book");
    }

    @Test
    void pathsAndMethodsOutsideTheRoutesAre404And405() throws Exception {
        host.answer(null, null);
        NativeRequest order = NativeRequest.http(sample("http-post-order.json"));
        HostResponse missing = call(
                "onHttp", Signature.HTTP, new NativeRequest("POST", "/nothing", "", order.headers(), order.body()));
        assertThat(missing.status()).isEqualTo(404);
        HostResponse wrongMethod =
                call("onHttp", Signature.HTTP, new NativeRequest("GET", "/orders/42", "", Map.of(), new byte[0]));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("allow")).isEqualTo("POST");
        assertThat(missing.recorded()).isEmpty();
        assertThat(wrongMethod.recorded()).isEmpty();
    }

    @Test
    void malformedJsonIsA400WithTheReasonLogged() throws Exception {
        HostResponse r = call("onHttp", Signature.HTTP, NativeRequest.http(sample("http-bad-json.json")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).doesNotContain(" at ");
        assertMalformedJson(r);
        assertThat(r.recorded()).isEmpty();
    }

    /** The adapter's own answer: the reason as JSON, and a log line. */
    void assertMalformedJson(HostResponse r) {
        assertThat(NativeRequest.JSON.readTree(r.body()).get("error").asString())
                .contains("not valid JSON");
        assertThat(r.log()).contains("bad request");
    }

    @Test
    void aFailingHandlerIsA500WithoutItsMessageOrStack() throws Exception {
        host.answer(null, "database password is hunter2");
        HostResponse r = call("onHttp", Signature.HTTP, NativeRequest.http(sample("http-post-order.json")));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).doesNotContain("hunter2").doesNotContain(" at ").contains("Internal Server Error");
        assertThat(r.log()).contains("handler failed").contains("hunter2");
        host.answer(null, null);
    }

    @Test
    void anEventOfAnotherKindIsRejectedWithALogLine() throws Exception {
        HostResponse r = call("onHttp", Signature.HTTP, NativeRequest.binary(sample("storage-finalized.json")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.log()).contains("takes http events, not google.cloud.storage.object.v1.finalized");
        assertThat(r.recorded()).isEmpty();
    }

    // ---- schedule, queue, topic ------------------------------------------------------------------

    @Test
    void cloudSchedulerRequestBecomesAScheduleEvent() throws Exception {
        JsonNode scenario = AdapterMatrix.scenario("schedule");
        host.answer(null, null);
        HostResponse r = call("onSchedule", Signature.HTTP, NativeRequest.http(sample("scheduler-job.json")));
        AdapterMatrix.assertMatches(scenario.get("event"), r.event());
        assertThat(r.status()).isBetween(200, 299);
    }

    @Test
    void queuePushesAreOneMessageEachAndAFailedOneIsNacked() throws Exception {
        JsonNode scenario = AdapterMatrix.scenario("queue");
        JsonNode pushes = sample("pubsub-push-queue.json");
        String second = pushes.get(1).get("message").get("messageId").asString();
        host.answer(Map.of("failed", List.of(second)), null);
        for (int i = 0; i < 2; i++) {
            HostResponse r = call("onQueue", Signature.HTTP, NativeRequest.push(pushes.get(i)));
            AdapterMatrix.assertMatches(
                    scenario.get("event").get("messages").get(i),
                    r.event().get("messages").get(0));
            assertThat(r.event().get("messages").size()).isEqualTo(1);
            assertThat(r.event().get("kind").asString()).isEqualTo("queue");
            if (i == 0) assertThat(r.status()).as("ack").isBetween(200, 299);
            else assertThat(r.status()).as("nack: Pub/Sub delivers it again").isEqualTo(500);
        }
        host.answer(null, null);
    }

    @Test
    void aPushWithoutMessageIdIsRejectedWithALogLine() throws Exception {
        HostResponse r = call("onQueue", Signature.HTTP, NativeRequest.push(sample("pubsub-push-no-message-id.json")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.log()).contains("Pub/Sub message without a messageId");
        assertThat(r.recorded()).isEmpty();
    }

    @Test
    void topicPushBecomesATopicEvent() throws Exception {
        host.answer(null, null);
        HostResponse r = call("onTopic", Signature.HTTP, NativeRequest.push(sample("pubsub-push-topic.json")));
        AdapterMatrix.assertMatches(AdapterMatrix.scenario("topic").get("event"), r.event());
        assertThat(r.status()).isBetween(200, 299);
    }

    @Test
    void messagePublishedCloudEventBecomesATopicEventWithoutDeliveryAttempt() throws Exception {
        host.answer(null, null);
        ObjectNode expected =
                (ObjectNode) AdapterMatrix.scenario("topic").get("event").deepCopy();
        ((ObjectNode) expected.get("messages").get(0)).putNull("deliveryAttempt");
        JsonNode event = sample("pubsub-message-published.json");
        for (NativeRequest request : List.of(NativeRequest.binary(event), NativeRequest.structured(event))) {
            HostResponse r = call("onTopic", Signature.CLOUDEVENT, request);
            AdapterMatrix.assertMatches(expected, r.event());
            assertThat(r.status()).isBetween(200, 299);
        }
    }

    // ---- bucket ----------------------------------------------------------------------------------

    @Test
    void storageCloudEventsBecomeBucketEventsInBothContentModesAndSignatures() throws Exception {
        JsonNode scenario = AdapterMatrix.scenario("bucket");
        host.answer(null, null);
        JsonNode finalized = sample("storage-finalized.json");
        ObjectNode deleted = (ObjectNode) scenario.get("event").deepCopy();
        deleted.setAll((ObjectNode) scenario.get("deleted"));
        for (Signature signature : Signature.values()) {
            for (NativeRequest request :
                    List.of(NativeRequest.binary(finalized), NativeRequest.structured(finalized))) {
                HostResponse r = call("onBucket", signature, request);
                AdapterMatrix.assertMatches(scenario.get("event"), r.event());
                assertThat(r.ctx().get("requestId").asString())
                        .as("the CloudEvent's id")
                        .isEqualTo(finalized.get("id").asString());
                assertThat(r.status()).isBetween(200, 299);
            }
            HostResponse r = call("onBucket", signature, NativeRequest.binary(sample("storage-deleted.json")));
            AdapterMatrix.assertMatches(deleted, r.event());
        }
    }

    @Test
    void aFailingBucketHandlerIsA500SoEventarcRetries() throws Exception {
        host.answer(null, "thumbnail failed");
        HostResponse r = call("onBucket", Signature.CLOUDEVENT, NativeRequest.binary(sample("storage-finalized.json")));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.log()).contains("handler failed");
        host.answer(null, null);
    }

    // ---- table -----------------------------------------------------------------------------------

    @Test
    void firestoreChangesAsJsonAndProtobufBecomeTableEvents() throws Exception {
        JsonNode scenario = AdapterMatrix.scenario("table");
        List<JsonNode> events = List.of(
                sample("firestore-created.json"), sample("firestore-updated.json"), sample("firestore-deleted.json"));
        String second = events.get(1).get("id").asString();
        host.answer(Map.of("failed", List.of(second)), null);
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            byte[] protobuf = FirestoreProtobuf.documentEventData(event.get("data"));
            List<NativeRequest> requests = List.of(
                    NativeRequest.structured(event),
                    NativeRequest.binary(event),
                    NativeRequest.binary(event, "application/protobuf", protobuf),
                    NativeRequest.structured(NativeRequest.withBase64Data(event, "application/protobuf", protobuf)));
            for (NativeRequest request : requests) {
                HostResponse r = call("onTable", Signature.CLOUDEVENT, request);
                AdapterMatrix.assertMatches(
                        scenario.get("event").get("changes").get(i),
                        r.event().get("changes").get(0));
                assertThat(r.event().get("changes").get(0).get("id").asString())
                        .isEqualTo(event.get("id").asString());
                if (i == 1)
                    assertThat(r.status()).as("the failed change is retried").isEqualTo(500);
                else assertThat(r.status()).isBetween(200, 299);
            }
        }
        host.answer(null, null);
    }

    @Test
    void firestoreValuesBecomePlainValues() throws Exception {
        host.answer(null, null);
        JsonNode event = sample("firestore-all-types.json");
        JsonNode expected = NativeRequest.JSON.readTree("""
                {"id": "42", "count": 7, "price": 12.5, "paid": true, "note": null, "at": "2026-11-27T10:00:00.123456Z",
                 "tags": ["a", 2], "empty": [], "address": {"city": "Lyon", "zip": 69001}, "photo": "AQID",
                 "owner": "projects/acme-orders/databases/orders-dev/documents/users/7", "where": {"latitude": 45.76, "longitude": 4.84}}
                """);
        byte[] protobuf = FirestoreProtobuf.documentEventData(event.get("data"));
        for (NativeRequest request : List.of(
                NativeRequest.structured(event), NativeRequest.binary(event, "application/protobuf", protobuf))) {
            HostResponse r = call("onTable", Signature.CLOUDEVENT, request);
            AdapterMatrix.assertMatches(
                    expected, r.event().get("changes").get(0).get("new"));
        }
    }

    @Test
    void undecodableFirestoreDataIsRejectedWithALogLine() throws Exception {
        JsonNode event = sample("firestore-created.json");
        HostResponse r =
                call("onTable", Signature.CLOUDEVENT, NativeRequest.binary(event, "application/protobuf", new byte[] {
                    (byte) 0x0a, (byte) 0xff
                }));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.log()).contains("is not a DocumentEventData");
        assertThat(r.recorded()).isEmpty();
    }
}
