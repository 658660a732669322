package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The AWS adapter in real node and python3 processes: a generated package per trigger kind, its
 * Handler invoked as Lambda does with AWS's documented sample events (src/test/resources/events),
 * asserting the neutral event the (recording stub) handler received and Lambda's response.
 */
class LambdaAdapterTest {

    private static final String PROJECT = """
            service: adapters
            runtime: %s
            stage: test
            providers:
              aws: { region: us-east-1 }
            defaults:
              timeout: 3s
            functions:
              api:
                handler: src/stub.handle
                events: [ { http: "POST /orders/{id}" } ]
              nightly:
                handler: src/stub.handle
                events: [ { schedule: { cron: "0 2 * * *", timezone: UTC, input: { lookbackHours: 24 } } } ]
              worker:
                handler: src/stub.handle
                events: [ { queue: { queue: jobs, batchSize: 5 } } ]
              payments:
                handler: src/stub.handle
                events: [ { topic: { topic: requests } } ]
              uploads:
                handler: src/stub.handle
                events: [ { bucket: { bucket: uploads, on: [created, deleted] } } ]
              audit:
                handler: src/stub.handle
                events: [ { table: { table: users } } ]
              plain:
                handler: src/stub.handle
              asyncPlain:
                handler: src/stub.handle_async
            resources:
              jobs: { type: queue }
              requests: { type: topic }
              uploads: { type: bucket }
              users: { type: table, key: { partition: id }, stream: true }
            """;

    private static final Map<String, String> FUNCTION_OF = Map.of(
            "http",
            "api",
            "schedule",
            "nightly",
            "queue",
            "worker",
            "topic",
            "payments",
            "bucket",
            "uploads",
            "table",
            "audit");

    private static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e812345678";

    private static final Map<String, Integer> PASSES = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path dir;

    @org.junit.jupiter.api.AfterAll
    static void printPasses() {
        System.out.println("AWS adapter scenarios passed (runtime × kind): " + new java.util.TreeMap<>(PASSES));
    }

    @TestFactory
    Stream<DynamicNode> everyTriggerKindInNodeAndPython() {
        return Stream.of(Runtime.Language.NODE, Runtime.Language.PYTHON)
                .map(language -> DynamicContainer.dynamicContainer(
                        language.name().toLowerCase(java.util.Locale.ROOT), new Scenarios(language).tests()));
    }

    /** The scenarios for one runtime, on a package generated once per function. */
    private final class Scenarios {

        private final Runtime.Language language;
        private LambdaInvoker invoker;
        private final Map<String, LambdaPackage> packages = new LinkedHashMap<>();

        Scenarios(Runtime.Language language) {
            this.language = language;
        }

        Stream<DynamicTest> tests() {
            List<DynamicTest> tests = new ArrayList<>();
            for (String kind :
                    AdapterMatrix.NATIVE_EVENT.keySet().stream().sorted().toList()) {
                test(tests, kind + ": the matrix scenario from " + AdapterMatrix.NATIVE_EVENT.get(kind), () -> {
                    String function = FUNCTION_OF.get(kind);
                    var o = invoke(function, AdapterMatrix.NATIVE_EVENT.get(kind), AdapterMatrix.stubAnswer(kind));
                    assertNeutral(o, kind, function);
                    AdapterMatrix.assertNativeResponse(kind, o, single(o).get("event"));
                });
            }
            test(tests, "http: cookies, repeated query and header values, binary body both ways", () -> {
                var o = invoke("api", "http-api-v2-cookies-binary.json", """
                        {"status": 200, "headers": {"Set-Cookie": ["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly", "b=2"]},
                         "bodyBase64": "iVBORw0KGgo="}""");
                JsonNode event = single(o).get("event");
                assertThat(event.get("method").asString()).isEqualTo("PUT");
                assertThat(event.get("path").asString()).isEqualTo("/my/path");
                assertThat(event.get("route").isNull()).isTrue();
                assertThat(event.get("query"))
                        .isEqualTo(json("{\"parameter1\": \"value1,value2\", \"parameter2\": \"value\"}"));
                assertThat(event.get("headers")).isEqualTo(json("""
                        {"header1": "value1", "header2": "value1,value2", "content-type": "image/png", "cookie": "cookie1=a; cookie2=b"}"""));
                assertThat(event.get("body").isNull()).isTrue();
                assertThat(event.get("rawBody").asString()).isEqualTo("iVBORw0KGgoAAAANSUhEUg==");
                assertThat(o.result()).isEqualTo(json("""
                        {"statusCode": 200, "headers": {"content-type": "application/octet-stream"}, "body": "iVBORw0KGgo=",
                         "isBase64Encoded": true, "cookies": ["a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly", "b=2"]}"""));
            });
            test(tests, "http: malformed JSON body is a 400 with a JSON error, the handler is not called", () -> {
                var o = invoke("api", "http-api-v2-bad-json.json", "null");
                assertThat(o.calls()).isEmpty();
                assertErrorResponse(o, 400, "not valid JSON");
                assertThat(o.log()).contains("bad request");
            });
            test(tests, "http: a handler that throws gives a 500 without its stack, which goes to the log", () -> {
                var o = invoke("api", "http-api-v2.json", "{\"throw\": \"database down\"}");
                assertErrorResponse(o, 500, "Internal Server Error");
                assertThat(o.result().get("body").asString())
                        .doesNotContain("database down")
                        .doesNotContain("stub");
                assertThat(o.log()).contains("handler failed").contains("database down");
            });
            test(tests, "http: an SQS event sent to an HTTP function is a 400 naming both kinds", () -> {
                var o = invoke("api", "sqs.json", "null");
                assertThat(o.calls()).isEmpty();
                assertErrorResponse(o, 400, "takes http events, not queue");
                assertThat(o.log()).contains("bad event");
            });
            test(tests, "schedule: an EventBridge rule's Scheduled Event gives its time and no input", () -> {
                var o = invoke("nightly", "eventbridge-scheduled-event.json", "null");
                assertThat(single(o).get("event"))
                        .isEqualTo(json(
                                "{\"kind\": \"schedule\", \"time\": \"2015-10-08T16:53:06.000Z\", \"input\": null}"));
                assertThat(o.ok()).isTrue();
            });
            test(tests, "schedule: a time Scheduler did not fill in fails the invocation before the handler", () -> {
                var o = invoke("nightly", "scheduler-time-not-replaced.json", "null");
                assertThat(o.ok()).isFalse();
                assertThat(o.calls()).isEmpty();
                assertThat(o.error()).contains("is not a date");
                assertThat(o.log()).contains("bad event");
            });
            test(tests, "queue: message attributes as plain values, the receive count as delivery attempt", () -> {
                var o = invoke("worker", "sqs-attributes.json", "null");
                JsonNode message = single(o).get("event").get("messages").get(0);
                assertThat(message).isEqualTo(json("""
                        {"id": "059f36b4-87a3-44ab-83d2-661975830a7d", "body": "Test message.",
                         "attributes": {"myAttribute": "myValue", "myBinary": "AQID"}, "deliveryAttempt": 3}"""));
                assertThat(o.result()).isEqualTo(json("{\"batchItemFailures\": []}"));
            });
            test(tests, "queue: a handler that throws fails the invocation, so the whole batch is retried", () -> {
                var o = invoke("worker", "sqs.json", "{\"throw\": \"boom\"}");
                assertThat(o.ok()).isFalse();
                assertThat(o.log()).contains("the batch will be retried");
            });
            test(tests, "queue: a record without messageId fails the invocation before the handler", () -> {
                var o = invoke("worker", "sqs-missing-message-id.json", "null");
                assertThat(o.ok()).isFalse();
                assertThat(o.calls()).isEmpty();
                assertThat(o.error()).contains("messageId of SQS record 0 is missing");
                assertThat(o.log()).contains("bad event");
            });
            test(tests, "queue: an S3 event sent to a queue function fails the invocation", () -> {
                var o = invoke("worker", "s3-put.json", "null");
                assertThat(o.ok()).isFalse();
                assertThat(o.calls()).isEmpty();
                assertThat(o.error()).contains("takes queue events, not bucket");
            });
            test(tests, "topic: a failed message fails the invocation, so Lambda retries it", () -> {
                var o = invoke("payments", "sns.json", "{\"failedIndex\": 0}");
                assertThat(o.ok()).isFalse();
                assertThat(o.error()).contains("95df01b4-ee98-5cb9-9903-4c221d41eb5e");
            });
            test(tests, "bucket: bucket name and eTag from the record", () -> {
                var o = invoke("uploads", "s3-put.json", "null");
                assertThat(single(o).get("event").get("bucket").asString()).isEqualTo("example-bucket");
                assertThat(single(o).get("event").get("etag").asString()).isEqualTo("0123456789abcdef0123456789abcdef");
            });
            test(tests, "bucket: ObjectRemoved has no size and no eTag", () -> {
                var o = invoke("uploads", "s3-delete.json", "null");
                JsonNode expected = AdapterMatrix.expectedEvent("bucket").deepCopy();
                ((tools.jackson.databind.node.ObjectNode) expected).setAll((tools.jackson.databind.node.ObjectNode)
                        AdapterMatrix.scenario("bucket").get("deleted"));
                ((tools.jackson.databind.node.ObjectNode) expected).putNull("etag");
                AdapterMatrix.assertMatches(single(o).get("event"), expected);
            });
            test(tests, "bucket: + in a key is a space, %XX an escaped character", () -> {
                var o = invoke("uploads", "s3-key-with-spaces.json", "null");
                assertThat(single(o).get("event").get("key").asString()).isEqualTo("photos/my cat (1).jpg");
            });
            test(tests, "bucket: an event other than ObjectCreated/ObjectRemoved fails the invocation", () -> {
                var o = invoke("uploads", "s3-restore.json", "null");
                assertThat(o.ok()).isFalse();
                assertThat(o.calls()).isEmpty();
                assertThat(o.error()).contains("ObjectRestore:Completed");
            });
            test(tests, "table: every DynamoDB attribute type as a plain value", () -> {
                var o = invoke("audit", "dynamodb-types.json", "null");
                assertThat(single(o).get("event").get("changes").get(0).get("new"))
                        .isEqualTo(json("""
                        {"id": "7", "count": 3, "price": 12.5, "data": "AQID", "tags": ["a", "b"], "scores": [1, 2.5],
                         "blobs": ["AQ==", "Ag=="], "list": ["x", 1, true], "map": {"nested": null, "ok": false}, "nothing": null}"""));
            });
            test(tests, "direct: the payload is the event and the handler's value the answer", () -> {
                Path payload = dir.resolve("payload.json");
                Files.writeString(payload, "{\"item\": \"book\"}");
                var o = invoke("plain", payload, "{\"received\": [1, 2]}");
                assertThat(single(o).get("event")).isEqualTo(json("{\"item\": \"book\"}"));
                assertThat(o.result()).isEqualTo(json("{\"received\": [1, 2]}"));
                assertContext(single(o).get("ctx"), "plain", o.start());
            });
            test(tests, "direct: an async handler's value is awaited", () -> {
                Path payload = dir.resolve("payload.json");
                Files.writeString(payload, "[1, 2]");
                var o = invoke("asyncPlain", payload, "\"done\"");
                assertThat(single(o).get("event")).isEqualTo(json("[1, 2]"));
                assertThat(o.result()).isEqualTo(json("\"done\""));
            });
            return tests.stream();
        }

        /** A scenario named "kind: what it shows", counted per runtime × kind when it passes. */
        private void test(List<DynamicTest> tests, String name, org.junit.jupiter.api.function.Executable body) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                body.execute();
                PASSES.merge(
                        language.name().toLowerCase(java.util.Locale.ROOT) + " × "
                                + name.substring(0, name.indexOf(':')),
                        1,
                        Integer::sum);
            }));
        }

        private LambdaInvoker.Outcome invoke(String function, String event, String answer) throws Exception {
            return invoke(function, LambdaInvoker.EVENTS.resolve(event), answer);
        }

        private LambdaInvoker.Outcome invoke(String function, Path event, String answer) throws Exception {
            if (invoker == null) invoker = LambdaInvoker.of(language);
            LambdaPackage p = packages.get(function);
            if (p == null) {
                Path project = project();
                Service service = Examples.load(project.resolve("strato.yml"));
                p = LambdaPackage.of(
                        service,
                        project,
                        AwsFormat.CLOUDFORMATION,
                        service.functions().get(function),
                        dir.resolve("packages"));
                packages.put(function, p);
            }
            return invoker.invoke(p.root(), p.handler(), event, answer);
        }

        private Path project() throws Exception {
            Path project = dir.resolve("project-" + language.name().toLowerCase(java.util.Locale.ROOT));
            if (Files.isDirectory(project)) return project;
            Files.createDirectories(project.resolve("src"));
            Files.writeString(
                    project.resolve("strato.yml"),
                    PROJECT.formatted(language == Runtime.Language.NODE ? "nodejs22" : "python3.12"));
            Files.copy(
                    LambdaInvoker.RESOURCES.resolve(invoker.stubFile()),
                    project.resolve("src").resolve(invoker.stubFile()));
            return project;
        }

        private void assertNeutral(LambdaInvoker.Outcome o, String kind, String function) {
            JsonNode call = single(o);
            AdapterMatrix.assertMatches(call.get("event"), AdapterMatrix.expectedEvent(kind));
            assertContext(call.get("ctx"), function, o.start());
        }
    }

    private static JsonNode single(LambdaInvoker.Outcome o) {
        assertThat(o.calls()).as("handler calls; log:\n%s", o.log()).hasSize(1);
        return o.calls().get(0);
    }

    private static void assertContext(JsonNode ctx, String function, long start) {
        assertThat(ctx.get("provider").asString()).isEqualTo("aws");
        assertThat(ctx.get("stage").asString()).isEqualTo("test");
        assertThat(ctx.get("functionName").asString()).isEqualTo(function);
        assertThat(ctx.get("requestId").asString()).isEqualTo(REQUEST_ID);
        assertThat(ctx.get("deadline").asLong())
                .as("deadline: now + getRemainingTimeInMillis()")
                .isBetween(start + 2000, start + 3000);
    }

    private static void assertErrorResponse(LambdaInvoker.Outcome o, int status, String message) {
        assertThat(o.ok())
                .as("an HTTP function answers, it does not fail; log:\n%s", o.log())
                .isTrue();
        assertThat(o.result().get("statusCode").asInt()).isEqualTo(status);
        assertThat(o.result().get("headers").get("content-type").asString()).isEqualTo("application/json");
        JsonNode body = LambdaInvoker.JSON.readTree(o.result().get("body").asString());
        assertThat(body.get("error").asString()).contains(message);
        assertThat(body.get("requestId").asString()).isEqualTo(REQUEST_ID);
    }

    private static JsonNode json(String text) {
        return LambdaInvoker.JSON.readTree(text);
    }
}
