package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.generator.handler.Handlers;
import dev.strato.generator.packaging.Packager;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module Cloud Functions loads from a Node.js or Python package, rendered from the templates
 * {@value #NODE_TEMPLATE} and {@value #PYTHON_TEMPLATE}: under each function's entry point, a
 * portable function's handler wrapped by the GCP adapter (whose library the package gets too), an
 * {@code adapter: native} function's handler as it is. A package shared by all functions exports
 * every handler.
 */
final class EntryModules implements Packager.ExtraFiles {

    static final String NODE_TEMPLATE = "generate/gcp/index.js.ftl";
    static final String PYTHON_TEMPLATE = "generate/gcp/main.py.ftl";
    static final String NODE_MODULE = "index.js";
    static final String PYTHON_MODULE = "main.py";
    static final String CLOUD = "gcp";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Service service;
    private final Path projectDir;
    private final Templates templates;
    private final AdapterSpecs specs;
    private final boolean esm;

    EntryModules(Service service, Path projectDir) throws GenerationException {
        this.service = service;
        this.projectDir = projectDir;
        this.templates = Templates.forProject(projectDir);
        this.specs = new AdapterSpecs(service, projectDir);
        this.esm = nodePackageIsEsm(projectDir);
    }

    /** Node.js reads {@code index.js} as an ES module when package.json says {@code "type": "module"}; a {@code main} would bypass it. */
    private static boolean nodePackageIsEsm(Path projectDir) throws GenerationException {
        Path file = projectDir.resolve("package.json");
        if (!Files.isRegularFile(file)) return false;
        try {
            JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (json.has("main")) {
                throw new GenerationException("package.json sets \"main\", so Cloud Functions would load "
                        + json.get("main").asString() + " instead of the " + NODE_MODULE
                        + " strato generates to reach the handlers: remove \"main\"");
            }
            return json.path("type").asString("").equals("module");
        } catch (IOException | JacksonException e) {
            throw new GenerationException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, byte[]> of(Function function) throws GenerationException {
        List<Function> functions = Packager.inPackageOf(service, function);
        Map<String, byte[]> files = new LinkedHashMap<>();
        render(functions, Runtime.Language.NODE, NODE_TEMPLATE, NODE_MODULE, files);
        render(functions, Runtime.Language.PYTHON, PYTHON_TEMPLATE, PYTHON_MODULE, files);
        return files;
    }

    private void render(
            List<Function> functions, Runtime.Language language, String template, String path, Map<String, byte[]> into)
            throws GenerationException {
        List<Map<String, Object>> handlers = new ArrayList<>();
        boolean portable = false;
        boolean nativeHandlers = false;
        for (Function f : functions) {
            if (f.runtime().language() != language) continue;
            Handlers.Script handler = Handlers.script(f.handler());
            String file = handler.file();
            boolean adapted = HandlerAdapters.portable(f);
            portable |= adapted;
            nativeHandlers |= !adapted;
            handlers.add(Map.of(
                    "entryPoint",
                    EntryPoints.of(f),
                    "module",
                    language == Runtime.Language.NODE
                            ? "./" + Handlers.probe(file, Handlers.NODE_EXTENSIONS, projectDir)
                            : file.replace('/', '.'),
                    "export",
                    handler.export(),
                    "portable",
                    adapted,
                    "spec",
                    !adapted ? "" : language == Runtime.Language.PYTHON ? pythonString(specs.json(f)) : specs.json(f)));
        }
        if (handlers.isEmpty()) return;
        try {
            into.put(
                    path,
                    templates
                            .render(
                                    template,
                                    Map.of(
                                            "esm",
                                            esm,
                                            "handlers",
                                            handlers,
                                            "portable",
                                            portable,
                                            "native",
                                            nativeHandlers))
                            .getBytes(StandardCharsets.UTF_8));
            if (portable) into.putAll(HandlerAdapters.library(templates, language, CLOUD));
        } catch (IOException e) {
            throw new GenerationException("cannot render the entry module of a function package: " + e.getMessage(), e);
        }
    }

    /** A Python single-quoted string literal's content. */
    private static String pythonString(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
