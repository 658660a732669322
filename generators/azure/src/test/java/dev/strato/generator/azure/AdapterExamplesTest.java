package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every function of every example, in its real generated Azure package (entry and adapter as
 * generated) with its handler module swapped for a recording stub, fed the recorded Azure
 * payload of its trigger kind: the handler gets the matrix scenario's neutral event and Azure
 * gets the native answer. Pass counts per runtime × kind go to target/adapter-matrix-azure.txt.
 */
class AdapterExamplesTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+?)\\+?}");
    private static final Map<String, AtomicInteger> PASSED = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    @TestFactory
    List<DynamicTest> everyFunctionOfEveryExample() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            Service s = Examples.load(example);
            List<AzureFunction> portable = AzureFunction.of(s, new OutputTree()).stream()
                    .filter(af -> HandlerAdapters.portable(af.source()))
                    .toList();
            if (portable.isEmpty()) continue;
            OutputTree out = Examples.generate(example);
            Path app = AdapterRun.writeApp(out, Files.createDirectories(dir.resolve(example)));
            stubHandlers(app, portable, Examples.DIR.resolve(example));
            Map<String, String> settings = scheduleInputs(out);
            for (AzureFunction af : portable) {
                tests.add(DynamicTest.dynamicTest(example + " " + af.name(), () -> check(app, af, settings)));
            }
        }
        return tests;
    }

    @AfterAll
    static void report() throws Exception {
        StringBuilder text = new StringBuilder("# Azure adapter matrix: example functions passed, runtime × kind\n");
        new TreeMap<>(PASSED)
                .forEach(
                        (key, n) -> text.append(key).append(' ').append(n.get()).append('\n'));
        System.out.print(text);
        Files.writeString(Path.of("target/adapter-matrix-azure.txt"), text);
    }

    private static void check(Path app, AzureFunction af, Map<String, String> settings) throws Exception {
        AdapterRun.Runtime runtime = af.source().runtime().language() == Runtime.Language.NODE
                ? AdapterRun.Runtime.NODE
                : AdapterRun.Runtime.PYTHON;
        String kind = af.event().kind();
        boolean deleted = af.action() == BucketAction.DELETED;
        ObjectNode expected = MatrixScenarios.azureEvent(kind, deleted);
        Path sample = AdapterRun.resource("events/" + kind + (deleted ? "-deleted" : "") + ".json");
        if (af.event() instanceof Event.Http h) sample = httpSample(app, af, h, expected);
        if (af.event() instanceof Event.Schedule) {
            String input = settings.get(Triggers.inputSetting(af));
            expected.set("input", input == null ? null : AdapterRun.JSON.readTree(input));
        }
        AdapterRun.Result r = AdapterRun.run(runtime, app, af.name(), sample, settings, MatrixScenarios.answer(kind));
        MatrixScenarios.assertMatches(expected, r.event(), af.name());
        assertThat(r.recorded().get("ctx").get("functionName").asString())
                .isEqualTo(af.source().name());
        NativeAnswers.assertAnswer(runtime, kind, r);
        PASSED.computeIfAbsent(runtime.command + " " + kind, k -> new AtomicInteger())
                .incrementAndGet();
    }

    /** The matrix's HTTP request on this function's own method and route, every path parameter 42. */
    private static Path httpSample(Path app, AzureFunction af, Event.Http h, ObjectNode expected) throws Exception {
        String method = h.method() == HttpMethod.ANY ? "POST" : h.method().id();
        String path = h.path().replaceAll("\\{[^}]+}", "42");
        ObjectNode params = AdapterRun.JSON.createObjectNode();
        for (Matcher m = PATH_PARAMETER.matcher(h.path()); m.find(); ) params.put(m.group(1), "42");
        expected.put("method", method).put("path", path).put("route", h.path()).set("params", params);
        ObjectNode sample = (ObjectNode)
                AdapterRun.JSON.readTree(AdapterRun.resource("events/http.json").toFile());
        ObjectNode trigger = (ObjectNode) sample.get("trigger");
        trigger.put("method", method)
                .put("url", "https://func-example.azurewebsites.net" + path + "?verbose=1")
                .set("params", params);
        Path file = app.resolve("http-" + af.name() + ".json");
        AdapterRun.JSON.writeValue(file.toFile(), sample);
        return file;
    }

    /** The handler modules of the portable functions, replaced by recording stubs exporting what the functions name. */
    private static void stubHandlers(Path app, List<AzureFunction> functions, Path projectDir) throws Exception {
        Map<String, Set<String>> exports = new LinkedHashMap<>();
        for (AzureFunction af : functions) {
            HandlerAdapters.HandlerModule m = HandlerAdapters.module(af.source(), projectDir);
            exports.computeIfAbsent(m.module(), k -> new LinkedHashSet<>()).add(m.export());
        }
        boolean node = functions.get(0).source().runtime().language() == Runtime.Language.NODE;
        for (Map.Entry<String, Set<String>> e : exports.entrySet()) {
            if (node) {
                assertThat(e.getKey().endsWith(".mjs")
                                || Files.readString(app.resolve("package.json")).contains("\"module\""))
                        .as(e.getKey() + " is an ES module")
                        .isTrue();
                RecordingStubs.node(app.resolve(e.getKey()), e.getValue());
            } else {
                RecordingStubs.python(app.resolve(e.getKey().replace('.', '/') + ".py"), e.getValue());
            }
        }
    }

    /** The app settings that hold schedule inputs, as the template sets them. */
    private static Map<String, String> scheduleInputs(OutputTree out) throws Exception {
        Map<String, String> settings = new HashMap<>();
        JsonNode template = AdapterRun.JSON.readTree(out.files().get(AzureGenerator.TEMPLATE));
        for (JsonNode resource : template.get("resources")) {
            JsonNode appSettings =
                    resource.path("properties").path("siteConfig").path("appSettings");
            for (JsonNode setting : appSettings) {
                String name = setting.get("name").asString();
                if (name.startsWith("STRATO_SCHEDULE_INPUT_"))
                    settings.put(name, setting.get("value").asString());
            }
        }
        return settings;
    }
}
