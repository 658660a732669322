package dev.strato.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.OutputTree;
import dev.strato.generator.aws.AwsGenerator;
import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.ModelTree;
import dev.strato.model.diag.Diagnostic;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each example, generated as a SAM template and imported back, is the same service but for the
 * documented losses: {@code adapter} becomes native, only the aws provider is kept (as SAM), {@code package}
 * globs are not in a template, CORS, which an HTTP API has for all its routes, applies to every route, and
 * the handler of a portable function is strato's Lambda adapter entry that the template names (the
 * handler's own module is named inside the package).
 */
class RoundTripTest {

    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static List<String> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("strato.yml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void samTemplateImportsBackAsTheSameService(String example) throws Exception {
        Service original = load(EXAMPLES.resolve(example).resolve("strato.yml"), null);
        Providers.Aws aws = original.providers().aws();
        Service sam = new Service(
                original.name(),
                original.description(),
                original.stage(),
                original.runtime(),
                original.adapter(),
                new Providers(new Providers.Aws(aws.region(), AwsFormat.SAM, aws.profile()), null, null),
                original.packaging(),
                original.functions(),
                original.resources());
        OutputTree out = new OutputTree();
        new AwsGenerator().generate(new GenerationContext(sam, EXAMPLES.resolve(example)), out);
        Path dir = Cases.WORK.resolve("round-trip").resolve(example);
        Files.createDirectories(dir);
        Path template = dir.resolve("template.yaml");
        Files.write(template, out.files().get(AwsGenerator.TEMPLATE));

        Importer.Result result = Importer.importFile(template, "template.yaml");
        Files.writeString(dir.resolve("strato.yml"), result.yaml(), StandardCharsets.UTF_8);
        Service imported = load(dir.resolve("strato.yml"), result);

        assertThat(result.report().items(Report.Kind.UNMAPPED))
                .as(result.report().text())
                .extracting(Report.Item::source)
                .containsOnly("Outputs");
        assertThat(comparable(ModelTree.of(imported)))
                .as("%s imported back\n%s", example, result.yaml())
                .isEqualTo(comparable(ModelTree.of(original)));
        imported.functions()
                .values()
                .forEach(f -> assertThat(f.handler())
                        .isIn(
                                "strato/aws-entry." + f.name().replace('-', '_'),
                                "strato_adapter.aws_entry." + f.name().replace('-', '_')));
    }

    private static Service load(Path file, Importer.Result result) {
        LoadResult r = result == null
                ? ModelLoader.load(
                        file,
                        "strato.yml",
                        new LoadOptions(null, Map.of(), Map.of(), List.of(Provider.AWS), Cases.TODAY))
                : Importer.validate(file, "strato.yml", result, Map.of(), Cases.TODAY);
        assertThat(r.diagnostics().sorted().stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::format)
                        .toList())
                .as(file.toString())
                .isEmpty();
        return r.service().orElseThrow();
    }

    /** The model without the documented losses. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Map<String, Object> tree) {
        Map<String, Object> m = new LinkedHashMap<>(tree);
        m.remove("adapter");
        m.remove("package");
        Map<String, Object> aws =
                new LinkedHashMap<>((Map<String, Object>) ((Map<String, Object>) m.get("providers")).get("aws"));
        aws.remove("format");
        m.put("providers", Map.of("aws", aws));
        Object cors = null;
        Map<String, Object> functions = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : ((Map<String, Object>) m.get("functions")).entrySet()) {
            Map<String, Object> fn = new LinkedHashMap<>((Map<String, Object>) f.getValue());
            fn.remove("adapter");
            fn.remove("handler");
            List<Object> events = new ArrayList<>();
            for (Object e : (List<Object>) fn.get("events")) {
                Map<String, Object> event = new LinkedHashMap<>((Map<String, Object>) e);
                if (event.get("http") instanceof Map<?, ?> http) {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) http);
                    if (copy.get("cors") != null) cors = copy.get("cors");
                    event.put("http", copy);
                }
                events.add(event);
            }
            fn.put("events", events);
            functions.put(f.getKey(), fn);
        }
        for (Object f : functions.values()) {
            for (Object e : (List<Object>) ((Map<String, Object>) f).get("events")) {
                if (((Map<String, Object>) e).get("http") instanceof Map<?, ?> http && cors != null)
                    ((Map<String, Object>) http).put("cors", cors);
            }
        }
        m.put("functions", functions);
        return m;
    }
}
