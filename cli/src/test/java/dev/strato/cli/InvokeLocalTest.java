package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.testing.Tools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code strato invoke --local} against real node and python3 processes: the examples, every trigger kind, bad input. */
class InvokeLocalTest {

    static final Path EXAMPLES = CommandsTest.ROOT.resolve("examples");
    static final String ORDER =
            "{\"customerId\":\"c1\",\"items\":[{\"sku\":\"book\",\"quantity\":1,\"unitPrice\":12.5}]}";

    @TempDir
    Path dir;

    private InputStream stdin;

    @BeforeEach
    void noStdin() {
        // the command reads piped stdin when no data is given; the test JVM's own stdin is not for it
        stdin = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0]));
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    static CliRunner.Result invoke(Path workDir, String... args) {
        CliRunner runner = new CliRunner(workDir);
        System.getenv().forEach(runner::env);
        runner.env("NO_COLOR", "1");
        List<String> all = new ArrayList<>(List.of("invoke", "--local"));
        all.addAll(List.of(args));
        return runner.run(all.toArray(String[]::new));
    }

    static CliRunner.Result example(String example, String... args) {
        return invoke(EXAMPLES.resolve(example), args);
    }

    static JsonNode json(CliRunner.Result r) {
        return JsonMapper.builder().build().readTree(r.out());
    }

    // ---- the examples ----------------------------------------------------------------------

    @Test
    void issueDoneWhenLinePrintsTheHandlersAnswer() {
        Tools.require("node");
        CliRunner.Result r = invoke(
                CommandsTest.ROOT,
                "-f",
                "createOrder",
                "--data",
                "{\"item\":\"book\"}",
                "-c",
                "examples/orders/strato.yml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .startsWith("HTTP 400\ncontent-type: application/json\n\n")
                .contains("\"error\" : \"customerId is required\"");
    }

    @Test
    void ordersCreateOrderAsTheQuickStartShowsIt() {
        Tools.require("node");
        CliRunner.Result r = ok(EXAMPLES.resolve("orders"), "-f", "createOrder", "--data", ORDER, "--output", "json");
        JsonNode out = json(r);
        assertThat(out.get("function").asString()).isEqualTo("createOrder");
        assertThat(out.get("event").get("method").asString()).isEqualTo("POST");
        assertThat(out.get("event").get("headers").get("content-type").asString())
                .isEqualTo("application/json");
        assertThat(out.get("event").get("body").get("customerId").asString()).isEqualTo("c1");
        assertThat(out.get("result").get("status").asInt()).isEqualTo(201);
        assertThat(out.get("result").get("body").asString()).contains("\"totalCents\":1250", "\"currency\":\"EUR\"");
        assertThat(out.get("logs").get(0).get("msg").asString()).isEqualTo("order created");
        assertThat(out.get("durationMs").asLong()).isPositive();
    }

    @Test
    void ordersGetOrderTakesItsPathParameterFromPath() {
        Tools.require("node");
        CliRunner.Result r =
                ok(EXAMPLES.resolve("orders"), "-f", "getOrder", "--path", "/orders/42?verbose=1", "--output", "json");
        JsonNode event = json(r).get("event");
        assertThat(event.get("method").asString()).isEqualTo("GET");
        assertThat(event.get("path").asString()).isEqualTo("/orders/42");
        assertThat(event.get("route").asString()).isEqualTo("/orders/{id}");
        assertThat(event.get("params").get("id").asString()).isEqualTo("42");
        assertThat(event.get("query").get("verbose").asString()).isEqualTo("1");
        assertThat(json(r).get("result").get("status").asInt()).isEqualTo(404);
    }

    @Test
    void withoutPathTheParametersAreEmptyWithAWarning() {
        Tools.require("node");
        CliRunner.Result r = ok(EXAMPLES.resolve("orders"), "-f", "getOrder");
        assertThat(r.err())
                .contains(
                        "warning: no --path: path parameter id of route /orders/{id} left empty (give e.g. --path /orders/42)");
        assertThat(r.out()).startsWith("HTTP 404\n");
    }

    @Test
    void ordersWorkerGetsOneMessagePerArrayElementAndReportsFailedIds() {
        Tools.require("node");
        CliRunner.Result r = ok(
                EXAMPLES.resolve("orders"),
                "-f",
                "orderWorker",
                "--data",
                "[{\"orderId\":\"o1\",\"action\":\"reserve-stock\"},\"text\"]",
                "--output",
                "json");
        JsonNode out = json(r);
        JsonNode messages = out.get("event").get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("id").asString()).isEqualTo("msg-1");
        assertThat(messages.get(0).get("body").get("orderId").asString()).isEqualTo("o1");
        assertThat(messages.get(0).get("deliveryAttempt").asInt()).isEqualTo(1);
        assertThat(messages.get(1).get("body").asString()).isEqualTo("text");
        assertThat(out.get("result").get("failed").toString()).isEqualTo("[\"msg-1\",\"msg-2\"]");
        assertThat(out.get("logs").get(0).get("level").asString()).isEqualTo("warn");
    }

    @Test
    void ordersPaymentTopicMessageCarriesTheFilterAttributesAndTheSecretFromTheEnvironment() {
        Tools.require("node");
        CliRunner.Result r = ok(
                EXAMPLES.resolve("orders"),
                "-f",
                "processPayment",
                "--data",
                "{\"orderId\":\"o1\",\"amountCents\":100}",
                "--output",
                "json");
        assertThat(r.err())
                .contains("warning: PAYMENTS_API_KEY is not set: ${secret:payments-api-key} needs a secret; "
                        + "set payments-api-key or PAYMENTS_API_KEY in your environment");
        JsonNode message = json(r).get("event").get("messages").get(0);
        assertThat(message.get("attributes").toString()).isEqualTo("{\"type\":\"order\"}");
        CliRunner.Result withKey = new CliRunner(EXAMPLES.resolve("orders"))
                .env("PATH", System.getenv("PATH"))
                .env("PAYMENTS_API_KEY", "k")
                .run("invoke", "--local", "-f", "processPayment", "--data", "{\"orderId\":\"o1\"}");
        assertThat(withKey.err()).doesNotContain("PAYMENTS_API_KEY");
    }

    @Test
    void ordersNightlyReportGetsTheTriggersInputOrTheData() {
        Tools.require("node");
        CliRunner.Result r = ok(EXAMPLES.resolve("orders"), "-f", "nightlyReport", "--output", "json");
        assertThat(json(r).get("event").get("input").toString()).isEqualTo("{\"lookbackHours\":24}");
        assertThat(json(r).get("result").get("count").asInt()).isZero();
        CliRunner.Result custom =
                example("orders", "-f", "nightlyReport", "--data", "{\"lookbackHours\":1}", "--output", "json");
        assertThat(json(custom).get("event").get("input").toString()).isEqualTo("{\"lookbackHours\":1}");
    }

    @Test
    void helloPicksTheRouteThePathMatches() {
        Tools.require("node");
        CliRunner.Result r = ok(EXAMPLES.resolve("hello-http"), "-f", "hello", "--path", "/hello/Ann");
        assertThat(r.out()).contains("\"message\" : \"Hello, Ann!\"");
        CliRunner.Result q = example("hello-http", "-f", "hello", "--query", "name=Bob");
        assertThat(q.out()).contains("\"message\" : \"Hello, Bob!\"");
    }

    @Test
    void usersCrudCreateAndListInPython() {
        Tools.require("python3");
        CliRunner.Result r = ok(
                EXAMPLES.resolve("users-crud"),
                "-f",
                "createUser",
                "--data",
                "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}",
                "--output",
                "json");
        assertThat(json(r).get("result").get("status").asInt()).isEqualTo(201);
        assertThat(json(r).get("logs").get(0).get("msg").asString()).startsWith("created user ");
        CliRunner.Result list = ok(EXAMPLES.resolve("users-crud"), "-f", "listUsers", "--query", "limit=5");
        assertThat(list.out()).startsWith("HTTP 200\n");
        CliRunner.Result bad = example("users-crud", "-f", "createUser", "--data", "{\"name\":\"\"}");
        assertThat(bad.out()).startsWith("HTTP 400\n");
    }

    @Test
    void usersCrudAuditGetsTableChangesWithTheTablesKey() {
        Tools.require("python3");
        CliRunner.Result r = ok(
                EXAMPLES.resolve("users-crud"),
                "-f",
                "onUserChange",
                "--data",
                "[{\"action\":\"modify\",\"new\":{\"id\":\"example-id\",\"name\":\"b\"},\"old\":{\"id\":\"example-id\",\"name\":\"a\"}},{\"action\":\"remove\"}]",
                "--output",
                "json");
        JsonNode changes = json(r).get("event").get("changes");
        assertThat(changes.get(0).get("id").asString()).isEqualTo("change-1");
        assertThat(changes.get(0).get("key").toString()).isEqualTo("{\"id\":\"example-id\"}");
        assertThat(changes.get(1).get("new").isNull()).isTrue();
        assertThat(changes.get(1).get("old").toString()).isEqualTo("{\"id\":\"example-id\"}");
        assertThat(json(r).get("logs").get(0).get("msg").asString()).isEqualTo("audit: user example-id updated: name");
        assertThat(json(r).get("logs").get(1).get("msg").asString()).isEqualTo("audit: user example-id deleted");
    }

    @Test
    void thumbnailsBucketEventAndAHandlerThatRaises() {
        Tools.require("python3");
        CliRunner.Result skipped = ok(
                EXAMPLES.resolve("thumbnails"),
                "-f",
                "makeThumbnail",
                "--data",
                "{\"key\":\"incoming/x.png\"}",
                "--output",
                "json");
        JsonNode event = json(skipped).get("event");
        assertThat(event.get("bucket").asString()).isEqualTo("uploads");
        assertThat(event.get("key").asString()).isEqualTo("incoming/x.png");
        assertThat(event.get("size").asInt()).isEqualTo(1024);
        assertThat(event.get("action").asString()).isEqualTo("created");
        // the in-memory store of a fresh process has no upload to read: the handler raises
        CliRunner.Result r = ok(EXAMPLES.resolve("thumbnails"), "-f", "makeThumbnail");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err())
                .contains("error: makeThumbnail failed: FileNotFoundError: uploads/incoming/example.jpg")
                .doesNotContain("Traceback");
        CliRunner.Result traced = example("thumbnails", "-f", "makeThumbnail", "--stacktrace");
        assertThat(traced.err()).contains("Traceback (most recent call last)").contains("\"stack\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-http", "python-http"})
    void aScaffoldedServiceRunsAsItsReadmeSays(String template) {
        Tools.require(template.startsWith("node") ? "node" : "python3");
        assertThat(new CliRunner(dir).run("init", "--template", template, "svc").exitCode())
                .isZero();
        CliRunner.Result r = invoke(dir.resolve("svc"), "-f", "hello", "--query", "name=you");
        assertThat(r.out()).startsWith("HTTP 200\n").contains("Hello, you!");
    }

    // ---- every kind on both runtimes -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"nodejs22", "python3.12"})
    void everyKindOnBothRuntimes(String runtime) throws IOException {
        Tools.require(runtime.startsWith("node") ? "node" : "python3");
        Path project = echoProject(runtime);
        JsonNode http = json(ok(
                project,
                "-f",
                "onHttp",
                "--path",
                "/items/7",
                "--header",
                "X-Trace=abc",
                "--data",
                "{\"a\":1}",
                "--output",
                "json"));
        assertThat(http.get("event").toString())
                .isEqualTo("{\"kind\":\"http\",\"method\":\"POST\",\"path\":\"/items/7\",\"route\":\"/items/{id}\","
                        + "\"params\":{\"id\":\"7\"},\"query\":{},\"headers\":{\"x-trace\":\"abc\",\"content-type\":\"application/json\"},"
                        + "\"body\":{\"a\":1},\"rawBody\":null}");
        assertThat(http.get("result").get("status").asInt()).isEqualTo(200);
        JsonNode text =
                json(ok(project, "-f", "onHttp", "--path", "/items/7", "--data", "plain words", "--output", "json"));
        assertThat(text.get("event").get("body").asString()).isEqualTo("plain words");
        Files.write(dir.resolve("bytes.bin"), new byte[] {(byte) 0xff, 0, 'A'});
        JsonNode binary = json(ok(
                project,
                "-f",
                "onHttp",
                "--path",
                "/items/7",
                "--header",
                "content-type=application/octet-stream",
                "--data-file",
                dir.resolve("bytes.bin").toString(),
                "--output",
                "json"));
        assertThat(binary.get("event").get("rawBody").asString()).isEqualTo("/wBB");
        assertThat(binary.get("event").get("body").isNull()).isTrue();

        JsonNode schedule =
                json(ok(project, "-f", "onSchedule", "--output", "json")).get("event");
        assertThat(schedule.get("input").toString()).isEqualTo("{\"report\":\"daily\"}");
        assertThat(schedule.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        JsonNode queue = json(ok(project, "-f", "onQueue", "--data", "[1,{\"b\":2}]", "--output", "json"));
        assertThat(queue.get("event").toString())
                .isEqualTo("{\"kind\":\"queue\",\"messages\":["
                        + "{\"id\":\"msg-1\",\"body\":1,\"attributes\":{},\"deliveryAttempt\":1},"
                        + "{\"id\":\"msg-2\",\"body\":{\"b\":2},\"attributes\":{},\"deliveryAttempt\":1}]}");
        assertThat(queue.get("result").toString()).isEqualTo("{\"failed\":[\"msg-1\"]}");

        JsonNode topic = json(ok(project, "-f", "onTopic", "--data", "hello", "--output", "json"));
        assertThat(topic.get("event").toString())
                .isEqualTo(
                        "{\"kind\":\"topic\",\"messages\":["
                                + "{\"id\":\"msg-1\",\"body\":\"hello\",\"attributes\":{\"type\":\"order\"},\"deliveryAttempt\":1}]}");

        JsonNode bucket = json(ok(project, "-f", "onBucket", "--data", "{\"action\":\"deleted\"}", "--output", "json"))
                .get("event");
        assertThat(bucket.get("key").asString()).isEqualTo("in/example.jpg");
        assertThat(bucket.get("action").asString()).isEqualTo("deleted");
        assertThat(bucket.get("size").isNull()).isTrue();

        JsonNode table = json(ok(project, "-f", "onTable", "--output", "json"));
        assertThat(table.get("event").toString())
                .isEqualTo(
                        "{\"kind\":\"table\",\"changes\":["
                                + "{\"id\":\"change-1\",\"action\":\"insert\",\"key\":{\"sku\":\"example-id\"},\"new\":{\"sku\":\"example-id\"},\"old\":null}]}");
        assertThat(table.get("result").toString()).isEqualTo("{\"failed\":[\"change-1\"]}");

        JsonNode direct = json(ok(project, "-f", "direct", "--data", "{\"x\":[1,2]}", "--output", "json"));
        assertThat(direct.get("event").toString()).isEqualTo("{\"x\":[1,2]}");
        assertThat(direct.get("result").get("echo").toString()).isEqualTo("{\"x\":[1,2]}");

        JsonNode ctx = json(ok(project, "-f", "direct", "--data", "{\"ctx\":true}", "--output", "json"))
                .get("result")
                .get("ctx");
        assertThat(ctx.get("provider").asString()).isEqualTo("local");
        assertThat(ctx.get("stage").asString()).isEqualTo("dev");
        assertThat(ctx.get("functionName").asString()).isEqualTo("direct");
        assertThat(ctx.get("requestId").asString()).matches("[0-9a-f-]{36}");
        assertThat(ctx.get("deadline").asLong()).isGreaterThan(System.currentTimeMillis());
        assertThat(ctx.get("env").asString()).isEqualTo("items|plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodejs22", "python3.12"})
    void aThrowingHandlerExitsOneWithItsMessageAndTheStackOnlyOnRequest(String runtime) throws IOException {
        Tools.require(runtime.startsWith("node") ? "node" : "python3");
        Path project = echoProject(runtime);
        CliRunner.Result r = invoke(project, "-f", "failing");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err())
                .contains("error: failing failed: ")
                .contains("broken on purpose")
                .doesNotContain("echo.");
        CliRunner.Result traced = invoke(project, "-f", "failing", "--stacktrace");
        assertThat(traced.err())
                .contains("broken on purpose")
                .contains(runtime.startsWith("node") ? "echo.mjs" : "echo.py");
        CliRunner.Result exited = invoke(project, "-f", "exiting", "--output", "json");
        assertThat(exited.exitCode()).as(exited.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(exited.err()).contains("ended with exit code 3 before the handler answered: gone");
        CliRunner.Result http = invoke(project, "-f", "failingHttp", "--output", "json");
        assertThat(http.exitCode()).as(http.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(json(http).get("result").get("status").asInt()).isEqualTo(500);
        assertThat(json(http).get("error").get("message").asString()).contains("broken on purpose");
        assertThat(json(http).get("error").has("stack")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nodejs22", "python3.12"})
    void aHandlerPastItsTimeoutIsStopped(String runtime) throws IOException {
        Tools.require(runtime.startsWith("node") ? "node" : "python3");
        long start = System.nanoTime();
        CliRunner.Result r = invoke(echoProject(runtime), "-f", "slow");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err())
                .contains("error: slow timed out after 1s (the function's timeout): its process was stopped");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void dataFromAFileOrFromStdin() throws IOException {
        Tools.require("node");
        Path project = echoProject("nodejs22");
        Files.writeString(dir.resolve("body.json"), "{\"from\":\"file\"}");
        JsonNode file = json(ok(
                project, "-f", "direct", "--data-file", dir.resolve("body.json").toString(), "--output", "json"));
        assertThat(file.get("event").toString()).isEqualTo("{\"from\":\"file\"}");
        System.setIn(new ByteArrayInputStream("{\"from\":\"stdin\"}".getBytes(StandardCharsets.UTF_8)));
        JsonNode piped = json(ok(project, "-f", "direct", "--output", "json"));
        assertThat(piped.get("event").toString()).isEqualTo("{\"from\":\"stdin\"}");
        System.setIn(new ByteArrayInputStream("[\"dash\"]".getBytes(StandardCharsets.UTF_8)));
        JsonNode dash = json(ok(project, "-f", "direct", "--data-file", "-", "--output", "json"));
        assertThat(dash.get("event").toString()).isEqualTo("[\"dash\"]");
    }

    // ---- bad input -------------------------------------------------------------------------

    @Test
    void unknownFunctionIsAUsageErrorWithASuggestion() {
        CliRunner.Result r = ok(EXAMPLES.resolve("orders"), "-f", "createOrdr");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(
                        "error: unknown function 'createOrdr' (did you mean 'createOrder'?); functions: createOrder, getOrder");
    }

    @Test
    void malformedJsonIsAUsageErrorWithItsPosition() {
        CliRunner.Result http = example("orders", "-f", "createOrder", "--data", "{\"item\": book}");
        assertThat(http.exitCode()).as(http.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(http.err()).contains("error: --data is not valid JSON at line 1, column 10: ");
        CliRunner.Result schedule = example("orders", "-f", "nightlyReport", "--data", "lookback");
        assertThat(schedule.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(schedule.err())
                .contains("error: --data is not valid JSON at line 1, column 1: Unrecognized token 'lookback'");
        CliRunner.Result typed =
                example("orders", "-f", "createOrder", "--header", "Content-Type=application/json", "--data", "nope");
        assertThat(typed.exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRunner.Result table = example("users-crud", "-f", "onUserChange", "--data", "[1]");
        assertThat(table.err()).contains("error: --data: each change must be a JSON object, not a number");
    }

    @Test
    void anEventKindTheFunctionLacksNamesTheKindsItHas() {
        CliRunner.Result r = example("orders", "-f", "createOrder", "--event", "queue");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("error: function createOrder has no queue trigger; its triggers: http");
        CliRunner.Result typo = example("orders", "-f", "createOrder", "--event", "htp");
        assertThat(typo.err()).contains("unknown event kind 'htp' (did you mean 'http'?)");
    }

    @Test
    void aPathThatMatchesNoRouteIsAUsageError() {
        CliRunner.Result r = example("orders", "-f", "getOrder", "--path", "/users/42");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .contains(
                        "error: --path /users/42 does not match the function's route /orders/{id} (e.g. --path /orders/42)");
    }

    @Test
    void missingRuntimeProgramIsAFailureThatSaysWhatToInstall() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        CliRunner.Result node = new CliRunner(EXAMPLES.resolve("orders"))
                .env("PATH", empty.toString())
                .run("invoke", "--local", "-f", "getOrder");
        assertThat(node.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(node.err())
                .contains(
                        "error: node is not on PATH: install Node.js (nodejs22 or later) to run this function locally");
        CliRunner.Result python = new CliRunner(EXAMPLES.resolve("users-crud"))
                .env("PATH", empty.toString())
                .run("invoke", "--local", "-f", "getUser");
        assertThat(python.err()).contains("error: python3 is not on PATH: install Python (python3.12 or later)");
    }

    @Test
    void javaAndNativeHandlersCannotRunLocally() throws IOException {
        Files.writeString(dir.resolve("strato.yml"), """
                service: mixed
                providers: { aws: { region: us-east-1 } }
                functions:
                  java:
                    runtime: java21
                    handler: com.acme.Orders::create
                  native:
                    runtime: nodejs22
                    adapter: native
                    handler: src/app.main
                """);
        CliRunner.Result java = invoke(dir, "-f", "java");
        assertThat(java.exitCode()).as(java.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(java.err())
                .contains(
                        "error: function java runs on java21: local invoke needs a portable Node.js or Python handler");
        CliRunner.Result nat = invoke(dir, "-f", "native");
        assertThat(nat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nat.err())
                .contains("has adapter: native")
                .contains("local invoke needs a portable Node.js or Python handler");
    }

    @Test
    void otherUsageErrors() throws IOException {
        CliRunner.Result both = example("orders", "-f", "getOrder", "--data", "{}", "--data-file", "x.json");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("give --data or --data-file, not both");
        CliRunner.Result missing = example("orders", "-f", "getOrder", "--data-file", "nope.json");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--data-file: no such file: nope.json");
        Files.writeString(
                dir.resolve("strato.yml"),
                "service: Bad_Name\nproviders: { aws: { region: us-east-1 } }\nfunctions:\n  f:\n    handler: src/a.main\n");
        CliRunner.Result invalid = invoke(dir, "-f", "f");
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(invalid.err()).contains("nothing invoked");
    }

    // ---- a project with one function per trigger kind -----------------------------------------

    private CliRunner.Result ok(Path project, String... args) {
        CliRunner.Result r = invoke(project, args);
        return r;
    }

    private Path echoProject(String runtime) throws IOException {
        boolean node = runtime.startsWith("node");
        Path project = Files.createDirectories(dir.resolve(runtime));
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("strato.yml"), """
                service: echo
                runtime: %s
                providers: { aws: { region: us-east-1 } }
                defaults: { timeout: 10s, environment: { TABLE: "${ref:items.name}", PLAIN: plain } }
                functions:
                  onHttp: { handler: %2$s.answer, events: [ { http: { method: POST, path: "/items/{id}" } } ] }
                  onSchedule: { handler: %2$s.answer, events: [ { schedule: { rate: 1h, input: { report: daily } } } ] }
                  onQueue: { handler: %2$s.first_failed, events: [ { queue: { queue: jobs } } ] }
                  onTopic: { handler: %2$s.answer, events: [ { topic: { topic: news, filter: { type: [order] } } } ] }
                  onBucket: { handler: %2$s.answer, events: [ { bucket: { bucket: uploads, on: [created, deleted], prefix: in/, suffix: .jpg } } ] }
                  onTable: { handler: %2$s.first_failed, events: [ { table: { table: items } } ] }
                  direct: { handler: %2$s.answer }
                  failing: { handler: %2$s.fail }
                  failingHttp: { handler: %2$s.fail, events: [ { http: GET /fail } ] }
                  slow: { handler: %2$s.slow, timeout: 1s }
                  exiting: { handler: %2$s.leave }
                resources:
                  jobs: { type: queue }
                  news: { type: topic }
                  uploads: { type: bucket }
                  items: { type: table, key: { partition: sku }, stream: true }
                """.formatted(runtime, "src/echo"));
        if (node) {
            Files.writeString(project.resolve("src/echo.mjs"), """
                    export async function answer(event, ctx) {
                      if (event.ctx) return { ctx: { ...ctx, env: `${process.env.TABLE}|${process.env.PLAIN}` } };
                      return { echo: event };
                    }
                    export const first_failed = (event) => ({ failed: [(event.messages ?? event.changes)[0].id] });
                    export async function fail() { throw new Error('broken on purpose'); }
                    export async function slow() { await new Promise((resolve) => setTimeout(resolve, 20000)); }
                    export function leave() { console.error('gone'); process.exit(3); }
                    """);
        } else {
            Files.writeString(project.resolve("src/__init__.py"), "");
            Files.writeString(project.resolve("src/echo.py"), """
                    import asyncio, os, sys, time

                    async def answer(event, ctx):
                        if isinstance(event, dict) and event.get("ctx"):
                            return {"ctx": {"provider": ctx.provider, "stage": ctx.stage, "functionName": ctx.functionName,
                                            "requestId": ctx.requestId, "deadline": ctx.deadline,
                                            "env": os.environ["TABLE"] + "|" + os.environ["PLAIN"]}}
                        return {"echo": event}

                    def first_failed(event, ctx):
                        return {"failed": [(event.get("messages") or event.get("changes"))[0]["id"]]}

                    def fail(event, ctx):
                        raise RuntimeError("broken on purpose")

                    def slow(event, ctx):
                        time.sleep(20)

                    def leave(event, ctx):
                        print("gone", file=sys.stderr, flush=True)
                        os._exit(3)
                    """);
        }
        return project;
    }
}
