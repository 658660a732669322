package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.generator.gcp.FunctionHost.Signature;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every portable function of every example, in the package the GCP generator really builds, with
 * its handler module swapped for a recording stub (entry and adapter untouched), fed the native
 * sample of its trigger kind: the handler gets the matrix's neutral event. Pass counts per
 * runtime and kind go to {@code target/adapter-matrix-gcp.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcpExampleMatrixTest {

    private final Map<String, Integer> passed = new TreeMap<>();
    private final Map<String, Map<String, Path>> packages = new java.util.HashMap<>();
    private final List<FunctionHost> hosts = new ArrayList<>();
    private FunctionHost node;
    private FunctionHost python;

    @TestFactory
    Stream<DynamicTest> everyExampleFunction(@TempDir Path temp) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            Service service = Examples.load(example);
            for (Function f : service.functions().values()) {
                if (!HandlerAdapters.portable(f) || f.events().isEmpty()) continue;
                String kind = HandlerAdapters.kind(f);
                String runtime = f.runtime().language().name().toLowerCase(java.util.Locale.ROOT);
                tests.add(DynamicTest.dynamicTest(example + " " + f.name() + " (" + runtime + ", " + kind + ")", () -> {
                    Path pkg = stubbedPackage(packages(service, example, temp), example, f);
                    check(host(f, temp), pkg, f, kind);
                    passed.merge(runtime + " × " + kind, 1, Integer::sum);
                }));
            }
        }
        return tests.stream();
    }

    @AfterAll
    void report() throws Exception {
        StringBuilder text = new StringBuilder("GCP adapter × examples: passed functions per runtime × kind\n");
        passed.forEach((key, n) -> text.append(key).append(": ").append(n).append('\n'));
        System.out.print(text);
        Files.writeString(Path.of("target/adapter-matrix-gcp.txt"), text);
        for (FunctionHost h : hosts) h.close();
    }

    private FunctionHost host(Function f, Path temp) throws Exception {
        if (f.runtime().language() == Runtime.Language.NODE) {
            if (node == null) hosts.add(node = new NodeFrameworkHost(temp.resolve("node-host")));
            return node;
        }
        if (python == null) hosts.add(python = new PythonFrameworkHost(temp.resolve("python-host")));
        return python;
    }

    /** The example's function packages, generated once (each function's in a folder of its own). */
    private Map<String, Path> packages(Service service, String example, Path temp) throws Exception {
        Map<String, Path> known = packages.get(example);
        if (known == null)
            packages.put(
                    example, known = FunctionPackages.unzip(service, Examples.dir(example), temp.resolve(example)));
        return known;
    }

    /** The function's real package with its handler module replaced by a recording stub exporting the handler's name. */
    private static Path stubbedPackage(Map<String, Path> packages, String example, Function f) throws Exception {
        Path pkg = packages.get(f.name());
        HandlerAdapters.HandlerModule handler = HandlerAdapters.module(f, Examples.dir(example));
        if (f.runtime().language() == Runtime.Language.NODE) {
            boolean esm = Files.isRegularFile(pkg.resolve("package.json"))
                    && Files.readString(pkg.resolve("package.json")).contains("\"module\"");
            RecordingStubs.node(
                    pkg.resolve(handler.module()),
                    List.of(handler.export()),
                    esm || handler.module().endsWith(".mjs"));
        } else {
            RecordingStubs.python(pkg.resolve(handler.module().replace('.', '/') + ".py"), List.of(handler.export()));
        }
        return pkg;
    }

    private static void check(FunctionHost host, Path pkg, Function f, String kind) throws Exception {
        String target = GcpNames.key(f.name());
        Event first = f.events().get(0);
        JsonNode scenario = AdapterMatrix.scenario(kind);
        switch (kind) {
            case "http" -> http(host, pkg, target, (Event.Http) first, scenario);
            case "schedule" -> {
                host.answer(null, null);
                ObjectNode sample = (ObjectNode)
                        GcpAdapterContract.sample("scheduler-job.json").deepCopy();
                Object input = ((Event.Schedule) first).input();
                sample.set("body", NativeRequest.JSON.valueToTree(input == null ? Map.of() : input));
                HostResponse r = host.call(pkg, target, Signature.HTTP, NativeRequest.http(sample));
                ObjectNode expected = (ObjectNode) scenario.get("event").deepCopy();
                expected.set("input", sample.get("body"));
                AdapterMatrix.assertMatches(expected, r.event());
                assertThat(r.status()).isBetween(200, 299);
            }
            case "queue", "topic" -> {
                JsonNode pushes = kind.equals("queue")
                        ? GcpAdapterContract.sample("pubsub-push-queue.json")
                        : NativeRequest.JSON.createArrayNode().add(GcpAdapterContract.sample("pubsub-push-topic.json"));
                JsonNode messages = scenario.get("event").get("messages");
                host.answer(null, null);
                for (int i = 0; i < pushes.size(); i++) {
                    HostResponse r = host.call(pkg, target, Signature.HTTP, NativeRequest.push(pushes.get(i)));
                    assertThat(r.event().get("kind").asString()).isEqualTo(kind);
                    AdapterMatrix.assertMatches(
                            messages.get(i), r.event().get("messages").get(0));
                    assertThat(r.status()).isBetween(200, 299);
                }
            }
            case "bucket" -> bucket(host, pkg, target, (Event.Bucket) first, scenario);
            default -> table(host, pkg, target, scenario);
        }
    }

    private static void http(FunctionHost host, Path pkg, String target, Event.Http route, JsonNode scenario)
            throws Exception {
        host.answer(scenario.get("answer"), null);
        String method =
                route.method() == HttpMethod.ANY ? "POST" : route.method().id();
        String path = route.path().replaceAll("\\{[^}]+\\+}", "a/b").replaceAll("\\{[^}]+}", "42");
        boolean body = !List.of("GET", "HEAD", "DELETE").contains(method);
        NativeRequest sample = NativeRequest.http(GcpAdapterContract.sample("http-post-order.json"));
        Map<String, String> headers = new TreeMap<>(sample.headers());
        if (!body) headers.remove("Content-Type");
        HostResponse r = host.call(
                pkg,
                target,
                Signature.HTTP,
                new NativeRequest(method, path, sample.query(), headers, body ? sample.body() : new byte[0]));
        ObjectNode expected = (ObjectNode) scenario.get("event").deepCopy();
        expected.put("method", method).put("path", path).put("route", route.path());
        ObjectNode params = NativeRequest.JSON.createObjectNode();
        java.util.regex.Matcher names =
                java.util.regex.Pattern.compile("\\{([^}+]+)(\\+?)}").matcher(route.path());
        while (names.find()) params.put(names.group(1), names.group(2).isEmpty() ? "42" : "a/b");
        expected.set("params", params);
        if (!body) {
            expected.putNull("body");
            ((ObjectNode) expected.get("headers")).remove("content-type");
        }
        ObjectNode event = (ObjectNode) r.event().deepCopy();
        ObjectNode kept = NativeRequest.JSON.createObjectNode();
        expected.get("headers")
                .propertyNames()
                .forEach(name -> kept.set(name, event.get("headers").get(name)));
        event.set("headers", kept);
        AdapterMatrix.assertMatches(expected, event);
        assertThat(r.status()).isEqualTo(scenario.get("response").get("status").asInt());
    }

    private static void bucket(FunctionHost host, Path pkg, String target, Event.Bucket b, JsonNode scenario)
            throws Exception {
        host.answer(null, null);
        String key = (b.prefix() == null ? "photos/" : b.prefix()) + "cat" + (b.suffix() == null ? ".jpg" : b.suffix());
        for (BucketAction action : b.on()) {
            ObjectNode sample = (ObjectNode) GcpAdapterContract.sample(
                            action == BucketAction.CREATED ? "storage-finalized.json" : "storage-deleted.json")
                    .deepCopy();
            ((ObjectNode) sample.get("data")).put("name", key);
            sample.put("subject", "objects/" + key);
            HostResponse r = host.call(pkg, target, Signature.CLOUDEVENT, NativeRequest.binary(sample));
            ObjectNode expected = (ObjectNode) scenario.get("event").deepCopy();
            if (action == BucketAction.DELETED) expected.setAll((ObjectNode) scenario.get("deleted"));
            expected.put("key", key);
            AdapterMatrix.assertMatches(expected, r.event());
            if (b.prefix() != null || b.suffix() != null) {
                ((ObjectNode) sample.get("data")).put("name", "elsewhere/cat.png");
                HostResponse skipped = host.call(pkg, target, Signature.CLOUDEVENT, NativeRequest.binary(sample));
                assertThat(skipped.recorded())
                        .as("an object outside the prefix and suffix is skipped")
                        .isEmpty();
                assertThat(skipped.status()).isBetween(200, 299);
            }
        }
    }

    private static void table(FunctionHost host, Path pkg, String target, JsonNode scenario) throws Exception {
        host.answer(null, null);
        List<String> samples = List.of("firestore-created.json", "firestore-updated.json", "firestore-deleted.json");
        for (int i = 0; i < samples.size(); i++) {
            JsonNode event = GcpAdapterContract.sample(samples.get(i));
            byte[] protobuf = FirestoreProtobuf.documentEventData(event.get("data"));
            HostResponse r = host.call(
                    pkg, target, Signature.CLOUDEVENT, NativeRequest.binary(event, "application/protobuf", protobuf));
            AdapterMatrix.assertMatches(
                    scenario.get("event").get("changes").get(i),
                    r.event().get("changes").get(0));
            assertThat(r.status()).isBetween(200, 299);
        }
    }
}
