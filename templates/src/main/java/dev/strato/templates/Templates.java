package dev.strato.templates;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker templates shipped in this module under {@code strato/templates/}; a project may
 * override any of them with a file of the same path under {@code .strato/templates/}.
 */
public final class Templates {

    public static final String OVERRIDE_DIR = ".strato/templates";
    private static final String ROOT = "/strato/templates";

    private final Configuration config;

    private Templates(TemplateLoader loader) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(loader);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setLocalizedLookup(false);
        lockDown(config);
    }

    /**
     * Overrides under {@code .strato/templates/} come from the checkout, which nobody may have
     * reviewed (CI on pull requests): a template is code, so it runs with no way out of FreeMarker.
     * {@code ?new} instantiates no class (the classic {@code "freemarker.template.utility.Execute"?new()},
     * {@code ObjectConstructor} and {@code JythonRuntime} payloads), {@code ?api} is off, and the
     * object wrapper wraps only strings, numbers, booleans, dates, maps and lists: no Java object
     * reaches a template, so no method such as {@code getClass()} or a class loader can be called.
     * The template loader keeps names inside the override folder and refuses links that leave it
     * (FileTemplateLoader's canonical path check). See docs/MODEL.md, "Template overrides".
     */
    static void lockDown(Configuration config) {
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        config.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
    }

    /** Built-in templates only. */
    public static Templates builtIn() {
        return new Templates(new ClassTemplateLoader(Templates.class, ROOT));
    }

    /** Templates of {@code projectDir}/.strato/templates first, then the built-in ones. */
    public static Templates forProject(Path projectDir) {
        Path overrides = projectDir.resolve(OVERRIDE_DIR);
        if (!Files.isDirectory(overrides)) return builtIn();
        try {
            return new Templates(new MultiTemplateLoader(new TemplateLoader[] {
                new FileTemplateLoader(overrides.toFile()), new ClassTemplateLoader(Templates.class, ROOT)
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders template {@code name} (e.g. {@code init/node-http/strato.yml.ftl}). */
    public String render(String name, Map<String, ?> model) throws IOException {
        Template t = template(name);
        StringWriter out = new StringWriter();
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            throw new IOException("template " + name + ": " + e.getMessageWithoutStackTop(), e);
        }
        return out.toString();
    }

    private Template template(String name) throws IOException {
        try {
            return config.getTemplate(name);
        } catch (SecurityException e) {
            throw new IOException(leaves(name, e));
        }
    }

    /** FileTemplateLoader refuses (with a SecurityException) a file whose real path leaves the override folder. */
    private static String leaves(String name, SecurityException e) {
        return "template override " + OVERRIDE_DIR + "/" + name + " leads outside " + OVERRIDE_DIR + " ("
                + e.getMessage() + "); strato refuses it";
    }

    /**
     * A file shipped as is (no FreeMarker processing, such as adapter code), with the project's
     * override of the same path first.
     */
    public byte[] raw(String name) throws IOException {
        TemplateLoader loader = config.getTemplateLoader();
        Object source;
        try {
            source = loader.findTemplateSource(name);
        } catch (SecurityException e) {
            throw new IOException(leaves(name, e));
        }
        if (source == null) throw new IOException("template " + name + " not found");
        try (java.io.Reader r = loader.getReader(source, "UTF-8")) {
            StringWriter out = new StringWriter();
            r.transferTo(out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } finally {
            loader.closeTemplateSource(source);
        }
    }

    /**
     * A template override that FreeMarker cannot parse.
     *
     * @param name the override's path under {@link #OVERRIDE_DIR}
     */
    public record OverrideProblem(String name, int line, int column, String message) {}

    /**
     * Parses every {@code .ftl} override of {@code projectDir}, so that {@code validate} reports a
     * syntax error at the override's own line and column instead of {@code generate} failing
     * without one. Overrides that are links out of the folder are problems too.
     */
    public static List<OverrideProblem> checkOverrides(Path projectDir) {
        Path dir = projectDir.resolve(OVERRIDE_DIR);
        if (!Files.isDirectory(dir)) return List.of();
        Templates templates = forProject(projectDir);
        List<OverrideProblem> problems = new ArrayList<>();
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ftl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of(new OverrideProblem("", 0, 0, "cannot read " + OVERRIDE_DIR + ": " + e.getMessage()));
        }
        for (Path file : files) {
            String name =
                    dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            try {
                templates.template(name);
            } catch (freemarker.core.ParseException e) {
                String text = e.getEditorMessage() == null ? e.getMessage() : e.getEditorMessage();
                problems.add(new OverrideProblem(
                        name,
                        Math.max(e.getLineNumber(), 1),
                        Math.max(e.getColumnNumber(), 1),
                        "template syntax error: "
                                + text.lines().findFirst().orElse("").strip()));
            } catch (IOException e) {
                problems.add(new OverrideProblem(name, 1, 1, e.getMessage()));
            }
        }
        return problems;
    }

    /** The project override whose rendering {@code failure} (or one of its causes) reports, if any. */
    public static java.util.Optional<OverrideProblem> overrideFailure(Throwable failure, Path projectDir) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TemplateException te
                    && te.getTemplateSourceName() != null
                    && Files.isRegularFile(projectDir.resolve(OVERRIDE_DIR).resolve(te.getTemplateSourceName()))) {
                String text = te.getMessageWithoutStackTop()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse("failed");
                int line = te.getLineNumber() == null ? 1 : te.getLineNumber();
                int column = te.getColumnNumber() == null ? 1 : te.getColumnNumber();
                return java.util.Optional.of(
                        new OverrideProblem(te.getTemplateSourceName(), line, column, "template failed: " + text));
            }
        }
        return java.util.Optional.empty();
    }

    /** Built-in template paths under {@code prefix} (from the shipped index), sorted. */
    public static List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + "/index.txt")) {
            if (in == null) throw new IllegalStateException("template index missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(prefix)) names.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Built-in init scaffold names ({@code node-http}, ...). */
    public static List<String> scaffolds() {
        return list("init/").stream()
                .map(n -> n.split("/")[1])
                .distinct()
                .sorted()
                .toList();
    }
}
