package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The Azure adapter in real node and python3 processes: a generated app with one function per
 * trigger kind, its handlers swapped for recording stubs, fed Azure's documented trigger payloads
 * (src/test/resources/events/, see the README there), gives each handler the matrix scenario's
 * neutral event and answers as Azure expects.
 */
class AdapterTest {

    private static final List<String> FUNCTIONS = List.of("api", "nightly", "worker", "payments", "uploads", "audit");
    private static final Map<AdapterRun.Runtime, Path> APPS = new EnumMap<>(AdapterRun.Runtime.class);
    private static final Map<AdapterRun.Runtime, Path> STORAGE_QUEUE_APPS = new EnumMap<>(AdapterRun.Runtime.class);

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        for (AdapterRun.Runtime r : AdapterRun.Runtime.values()) {
            Path project = dir.resolve(r.name().toLowerCase() + "-project");
            Files.createDirectories(project);
            String model = Files.readString(AdapterRun.resource("adapter/strato.yml"));
            Files.writeString(
                    project.resolve("strato.yml"),
                    model.replace("RUNTIME", r == AdapterRun.Runtime.NODE ? "nodejs22" : "python3.12"));
            if (r == AdapterRun.Runtime.NODE) {
                Files.writeString(project.resolve("package.json"), "{ \"type\": \"module\" }\n");
                RecordingStubs.node(project.resolve("src/handlers.js"), FUNCTIONS);
            } else {
                RecordingStubs.python(project.resolve("src/handlers.py"), FUNCTIONS);
            }
            Service s = ExampleModels.load(project.resolve("strato.yml"), Provider.AZURE);
            APPS.put(
                    r,
                    AdapterRun.writeApp(
                            Examples.generate(s, project),
                            Files.createDirectories(dir.resolve(r.name().toLowerCase()))));
            OutputTree storage =
                    Examples.generate(Examples.with(s, s.providers().azure().plan(), AzureQueues.STORAGE), project);
            STORAGE_QUEUE_APPS.put(
                    r,
                    AdapterRun.writeApp(
                            storage,
                            Files.createDirectories(dir.resolve(r.name().toLowerCase() + "-storage"))));
        }
    }

    @ParameterizedTest
    @EnumSource(AdapterRun.Runtime.class)
    void nativeFunctionsKeepTheirHandlerAndGetNoAdapter(AdapterRun.Runtime runtime) throws Exception {
        Path project = dir.resolve(runtime.name().toLowerCase() + "-project");
        Path file = project.resolve("native.yml");
        Files.writeString(
                file,
                Files.readString(project.resolve("strato.yml")).replace("stage: test", "stage: test\nadapter: native"));
        OutputTree out = Examples.generate(ExampleModels.load(file, Provider.AZURE), project);
        String script = runtime == AdapterRun.Runtime.NODE ? "../src/handlers.js" : "../src/handlers.py";
        JsonNode api = AdapterRun.JSON.readTree(out.files().get(AppPackage.DIR + "api/" + AppPackage.FUNCTION_JSON));
        assertThat(api.get("scriptFile").asString()).isEqualTo(script);
        assertThat(api.get("entryPoint").asString()).isEqualTo("api");
        assertThat(out.files().keySet())
                .noneMatch(p ->
                        p.startsWith(AppPackage.DIR + "strato/") || p.startsWith(AppPackage.DIR + "strato_adapter/"));
    }

    /** function | kind | payload */
    static Stream<Arguments> scenarios() {
        return perRuntime("""
                api | http | http.json
                nightly | schedule | schedule.json
                worker | queue | queue.json
                payments | topic | topic.json
                uploads | bucket | bucket.json
                uploads-2 | bucket | bucket-deleted.json
                audit | table | table.json
                """);
    }

    @ParameterizedTest(name = "{0} {1} ({3})")
    @MethodSource("scenarios")
    void handlerGetsTheMatrixEvent(AdapterRun.Runtime runtime, String function, String kind, String sample)
            throws Exception {
        AdapterRun.Result r = run(APPS.get(runtime), function, sample, MatrixScenarios.answer(kind));
        MatrixScenarios.assertMatches(
                MatrixScenarios.azureEvent(kind, sample.contains("deleted")), r.event(), runtime + " " + function);
        JsonNode ctx = r.recorded().get("ctx");
        assertThat(ctx.get("provider").asString()).isEqualTo("azure");
        assertThat(ctx.get("stage").asString()).isEqualTo("test");
        assertThat(ctx.get("functionName").asString()).isEqualTo(function.replace("-2", ""));
        assertThat(ctx.get("requestId").asString()).isEqualTo("5e8b7a42-3f0c-4d1e-9a6b-2c7d8e9f0a1b");
        assertThat(ctx.get("deadline").asLong()).isGreaterThan(System.currentTimeMillis());
        NativeAnswers.assertAnswer(runtime, kind, r);
    }

    @ParameterizedTest
    @EnumSource(AdapterRun.Runtime.class)
    void storageQueueMessagesCarryTheirDequeueCount(AdapterRun.Runtime runtime) throws Exception {
        AdapterRun.Result r =
                run(STORAGE_QUEUE_APPS.get(runtime), "worker", "queue-storage.json", NullNode.getInstance());
        JsonNode first =
                MatrixScenarios.azureEvent("queue", false).get("messages").get(0);
        MatrixScenarios.assertMatches(
                AdapterRun.JSON
                        .createObjectNode()
                        .put("kind", "queue")
                        .set("messages", AdapterRun.JSON.createArrayNode().add(first)),
                r.event(),
                runtime + " storage queue");
        assertThat(r.event().get("messages").get(0).get("id").asString())
                .isEqualTo("b8f5c0a1-7d3e-4f2a-9c6b-1e0d2f3a4b5c");
        assertThat(r.ok()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AdapterRun.Runtime.class)
    void eventGridBlobCreatedEventsAreBucketEventsToo(AdapterRun.Runtime runtime) throws Exception {
        AdapterRun.Result r =
                run(APPS.get(runtime), "uploads-2", "bucket-created-eventgrid.json", NullNode.getInstance());
        MatrixScenarios.assertMatches(
                MatrixScenarios.azureEvent("bucket", false), r.event(), runtime + " Event Grid BlobCreated");
        assertThat(r.ok()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AdapterRun.Runtime.class)
    void binaryBodiesArriveAsBase64(AdapterRun.Runtime runtime) throws Exception {
        AdapterRun.Result r = run(
                APPS.get(runtime),
                "api",
                "http-binary.json",
                AdapterRun.JSON.readTree("{\"status\": 200, \"body\": \"ok\"}"));
        assertThat(r.event().get("rawBody").asString()).isEqualTo("iVBORw0KGgoA/w==");
        assertThat(r.event().get("body").isNull()).isTrue();
        assertThat(NativeAnswers.status(runtime, r)).isEqualTo(200);
    }

    /** function | payload | the log line's start */
    static Stream<Arguments> badInput() {
        return perRuntime("""
                api | http-bad-json.json | request body is not valid JSON
                api | http-wrong-kind.json | bad event: function api expects an HTTP request
                worker | queue-missing-id.json | bad event: the trigger metadata has no
                uploads | bucket-wrong-kind.json | bad event: expected a blob
                audit | table-wrong-kind.json | bad event: expected a list of Cosmos DB documents
                """);
    }

    /** Bad input: one clear log line, Azure's failure answer (HTTP 400, or a failed invocation), and the handler not called. */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("badInput")
    void badInputIsOneLogLineAndAFailure(AdapterRun.Runtime runtime, String function, String sample, String message)
            throws Exception {
        AdapterRun.Result r = run(APPS.get(runtime), function, sample, NullNode.getInstance());
        assertThat(r.recorded()).as("handler called").isNull();
        assertThat(r.logs()).contains(message);
        if (function.equals("api")) {
            assertThat(NativeAnswers.status(runtime, r)).isEqualTo(400);
            assertThat(NativeAnswers.body(runtime, r)).contains("\"error\"").doesNotContain("    at ");
        } else {
            assertThat(r.ok()).as("the invocation fails").isFalse();
        }
    }

    /** Each row of a table (columns separated by {@code |}) once per runtime, the runtime first. */
    private static Stream<Arguments> perRuntime(String table) {
        return Stream.of(AdapterRun.Runtime.values())
                .flatMap(r -> table.lines().map(row -> {
                    List<Object> args = new ArrayList<>(List.of(r));
                    for (String cell : row.split("\\|")) args.add(cell.strip());
                    return Arguments.of(args.toArray());
                }));
    }

    private static AdapterRun.Result run(Path app, String function, String sample, JsonNode answer) throws Exception {
        Map<String, String> env = Map.of("STRATO_SCHEDULE_INPUT_NIGHTLY", "{\"lookbackHours\":24}");
        return AdapterRun.run(runtimeOf(app), app, function, AdapterRun.resource("events/" + sample), env, answer);
    }

    private static AdapterRun.Runtime runtimeOf(Path app) {
        return app.getFileName().toString().startsWith("node") ? AdapterRun.Runtime.NODE : AdapterRun.Runtime.PYTHON;
    }
}
