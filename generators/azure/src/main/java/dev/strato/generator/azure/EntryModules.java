package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.Event;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portable-handler adapter of the app: for each Azure function whose strato function is
 * {@code adapter: portable}, function.json points at a generated entry module (Node.js
 * {@code strato/azure-entry.mjs}, one export per function; Python
 * {@code strato_adapter/azure_entry.py}, one function per Azure function with the bindings'
 * parameter names), which hands the trigger to the shared adapter library with the facts it
 * needs: the handler, the trigger, the route, the schedule's input setting, the table's key.
 */
final class EntryModules {

    static final String NODE_ENTRY = HandlerAdapters.NODE_DIR + "azure-entry.mjs";
    static final String PYTHON_ENTRY = HandlerAdapters.PYTHON_DIR + "azure_entry.py";
    private static final String CLOUD = "azure";

    private final Service service;
    private final Path projectDir;
    private final Templates templates;
    private final EntryNames names = new EntryNames();
    private final Map<String, String> entryPoints = new LinkedHashMap<>();
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private Runtime.Language language;

    EntryModules(Service service, Path projectDir, Templates templates) {
        this.service = service;
        this.projectDir = projectDir;
        this.templates = templates;
    }

    boolean portable(AzureFunction af) {
        return HandlerAdapters.portable(af.source());
    }

    /** {@code scriptFile} and {@code entryPoint} of a portable function: the entry module and the function's export in it. */
    Map<String, Object> entryPoint(AzureFunction af) {
        language = af.source().runtime().language();
        String name = names.of(af.name());
        entryPoints.put(af.name(), name);
        return Arm.map("scriptFile", "../" + entry(), "entryPoint", name);
    }

    /** Adds the function to the entry, with the facts of its function.json trigger binding. */
    void add(AzureFunction af, Map<String, Object> functionJson) {
        Map<String, Object> binding = firstBinding(functionJson);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("entryPoint", entryPoints.get(af.name()));
        entry.put("parameter", binding.get("name"));
        entry.put("fields", fields(spec(af, binding)));
        entries.add(entry);
    }

    /** Library and entry, package path → bytes; none when no function is portable. */
    Map<String, byte[]> files() throws GenerationException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (entries.isEmpty()) return files;
        String template = "generate/azure/" + Path.of(entry()).getFileName() + ".ftl";
        try {
            files.putAll(HandlerAdapters.library(templates, language, CLOUD));
            files.put(
                    entry(),
                    templates.render(template, Map.of("functions", entries)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GenerationException("cannot render the Azure adapter entry: " + e.getMessage(), e);
        }
        return files;
    }

    /** The entry module of the app's language (one app runs one language worker). */
    private String entry() {
        return language == Runtime.Language.NODE ? NODE_ENTRY : PYTHON_ENTRY;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstBinding(Map<String, Object> functionJson) {
        return (Map<String, Object>) ((List<Object>) functionJson.get("bindings")).get(0);
    }

    /** What the adapter of one function is told, in the order the entry lists it. */
    private Map<String, Object> spec(AzureFunction af, Map<String, Object> binding) {
        HandlerAdapters.HandlerModule module = HandlerAdapters.module(af.source(), projectDir);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", af.source().name());
        spec.put("module", module.module());
        spec.put("export", module.export());
        spec.put("kind", af.event().kind());
        spec.put("stage", service.stage());
        spec.put("timeoutMs", af.source().timeout().toMillis());
        spec.put("trigger", binding.get("type"));
        if ("many".equals(binding.get("cardinality"))) spec.put("many", true);
        Event e = af.event();
        if (e instanceof Event.Http h) spec.put("route", h.path());
        if (e instanceof Event.Schedule s && s.input() != null) spec.put("inputSetting", Triggers.inputSetting(af));
        if (e instanceof Event.Table t)
            spec.put(
                    "partitionKey",
                    ((Resource.Table) service.resources().get(t.table()))
                            .partition()
                            .name());
        return spec;
    }

    private static List<Map<String, String>> fields(Map<String, Object> spec) {
        List<Map<String, String>> fields = new ArrayList<>();
        spec.forEach((name, value) -> fields.add(Map.of(
                "name", name,
                "pyName", name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT),
                "js", SourceLiterals.js(value),
                "py", SourceLiterals.python(value))));
        return fields;
    }
}
