package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.generator.handler.Identifiers;
import dev.strato.generator.packaging.Packager;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portable-handler adapter in a Lambda package: the adapter library and an entry module
 * (rendered from {@value #NODE_TEMPLATE} or {@value #PYTHON_TEMPLATE}) with one export per
 * function, which the function's {@code Handler} names. A package shared by all functions has
 * every function's export. Functions with {@code adapter: native}, or a runtime without an
 * adapter, keep their own handler.
 */
final class EntryModules implements Packager.ExtraFiles {

    static final String CLOUD = "aws";
    static final String NODE_TEMPLATE = "generate/aws/aws-entry.mjs.ftl";
    static final String PYTHON_TEMPLATE = "generate/aws/aws_entry.py.ftl";
    /** The entry modules as Lambda's {@code Handler} names them (module without extension, Python's dotted), and their files. */
    private static final String NODE_MODULE = HandlerAdapters.NODE_DIR + "aws-entry";

    private static final String PYTHON_MODULE = HandlerAdapters.PYTHON_DIR.replace('/', '.') + "aws_entry";
    static final String NODE_ENTRY = NODE_MODULE + ".mjs";
    static final String PYTHON_ENTRY = PYTHON_MODULE.replace('.', '/') + ".py";

    /** Beside the languages' reserved words: {@code then}, an export that would make the entry module thenable. */
    private static final Set<String> TAKEN = Set.of("then");

    private final Service service;
    private final Path projectDir;
    private final Templates templates;

    EntryModules(Service service, Path projectDir) {
        this.service = service;
        this.projectDir = projectDir;
        this.templates = Templates.forProject(projectDir);
    }

    /** The function's {@code Handler}: its export in the entry module when it has the adapter, else its own handler. */
    static String handler(Function f) {
        if (!HandlerAdapters.portable(f)) return f.handler();
        return (f.runtime().language() == Runtime.Language.NODE ? NODE_MODULE : PYTHON_MODULE) + "."
                + exportName(f.name());
    }

    /**
     * The entry's name for a function: a valid identifier in JavaScript and Python (function names
     * are letters, digits and hyphens), distinct for distinct functions since names have no {@code _}.
     */
    static String exportName(String function) {
        return Identifiers.of(function, TAKEN);
    }

    @Override
    public Map<String, byte[]> of(Function function) throws GenerationException {
        List<Function> inPackage = Packager.inPackageOf(service, function);
        Map<String, byte[]> files = new LinkedHashMap<>();
        entry(inPackage, Runtime.Language.NODE, NODE_TEMPLATE, NODE_ENTRY, files);
        entry(inPackage, Runtime.Language.PYTHON, PYTHON_TEMPLATE, PYTHON_ENTRY, files);
        return files;
    }

    private void entry(
            List<Function> inPackage, Runtime.Language language, String template, String path, Map<String, byte[]> into)
            throws GenerationException {
        List<Map<String, Object>> functions = inPackage.stream()
                .filter(f -> HandlerAdapters.portable(f) && f.runtime().language() == language)
                .map(this::entryModel)
                .toList();
        if (functions.isEmpty()) return;
        try {
            into.putAll(HandlerAdapters.library(templates, language, CLOUD));
            into.put(
                    path,
                    templates
                            .render(template, Map.of("stage", service.stage(), "functions", functions))
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GenerationException("cannot render the handler adapter: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> entryModel(Function f) {
        HandlerAdapters.HandlerModule m = HandlerAdapters.module(f, projectDir);
        String kinds = f.events().stream()
                .map(Event::kind)
                .distinct()
                .map(k -> "\"" + k + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return Map.of(
                "entry", exportName(f.name()),
                "name", f.name(),
                "module", m.module(),
                "export", m.export(),
                "kinds", kinds,
                "timeoutMs", f.timeout().toMillis());
    }
}
