package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The adapter matrix on the examples: every portable function of every example, packaged for AWS
 * in the example's own format, its handler module swapped for the recording stub (entry and adapter
 * untouched), invoked as Lambda does with AWS's sample event for its trigger kind: the handler gets
 * the matrix's neutral event and Lambda the matrix's response. Prints the passes per runtime × kind.
 */
class LambdaAdapterExamplesTest {

    private static final Map<String, Integer> PASSES = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyFunctionOfEveryExample() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            Service service = Examples.load(example);
            for (Function f : service.functions().values()) {
                if (!HandlerAdapters.portable(f)) continue;
                String kind = HandlerAdapters.kind(f);
                tests.add(DynamicTest.dynamicTest(example + "/" + f.name() + " (" + kind + ")", () -> {
                    LambdaInvoker invoker = LambdaInvoker.of(f.runtime().language());
                    Path projectDir = Examples.DIR.resolve(example);
                    LambdaPackage p = LambdaPackage.of(
                            service, projectDir, AwsGenerator.format(service), f, dir.resolve(example));
                    HandlerAdapters.HandlerModule module = HandlerAdapters.module(f, projectDir);
                    p.replace(modulePath(f, module), stub(invoker, service, projectDir, module));
                    LambdaInvoker.Outcome o = invoker.invoke(
                            p.root(),
                            p.handler(),
                            LambdaInvoker.EVENTS.resolve(AdapterMatrix.NATIVE_EVENT.get(kind)),
                            AdapterMatrix.stubAnswer(kind));
                    assertThat(o.calls()).as("handler calls; log:\n%s", o.log()).hasSize(1);
                    JsonNode call = o.calls().get(0);
                    AdapterMatrix.assertMatches(call.get("event"), AdapterMatrix.expectedEvent(kind));
                    assertThat(call.get("ctx").get("functionName").asString()).isEqualTo(f.name());
                    assertThat(call.get("ctx").get("stage").asString()).isEqualTo(service.stage());
                    AdapterMatrix.assertNativeResponse(kind, o, call.get("event"));
                    PASSES.merge(runtime(f) + " × " + kind, 1, Integer::sum);
                }));
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void printPasses() {
        System.out.println(
                "AWS adapter matrix on the examples (runtime × kind: functions passed): " + new TreeMap<>(PASSES));
    }

    private static String runtime(Function f) {
        return f.runtime().language().name().toLowerCase(Locale.ROOT);
    }

    private static String modulePath(Function f, HandlerAdapters.HandlerModule module) {
        return f.runtime().language() == Runtime.Language.NODE
                ? module.module()
                : module.module().replace('.', '/') + ".py";
    }

    /** The stub under the handler module's name, exporting every function of the example that lives in that module. */
    private static byte[] stub(
            LambdaInvoker invoker, Service service, Path projectDir, HandlerAdapters.HandlerModule module)
            throws Exception {
        StringBuilder code = new StringBuilder(Files.readString(LambdaInvoker.RESOURCES.resolve(invoker.stubFile())));
        if (invoker.language() == Runtime.Language.PYTHON) {
            code.append("\n\ndef __getattr__(name):\n    return handle\n");
        } else {
            service.functions().values().stream()
                    .map(g -> HandlerAdapters.module(g, projectDir))
                    .filter(m ->
                            m.module().equals(module.module()) && !m.export().equals("handle"))
                    .map(HandlerAdapters.HandlerModule::export)
                    .distinct()
                    .forEach(export ->
                            code.append("export { handle as ").append(export).append(" };\n"));
        }
        return code.toString().getBytes(StandardCharsets.UTF_8);
    }
}
