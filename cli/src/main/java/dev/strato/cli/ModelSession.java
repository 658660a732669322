package dev.strato.cli;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.diag.Diagnostic;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads the model the global options point at and reports its diagnostics. */
final class ModelSession {

    private final GlobalOptions options;
    private final StratoCommand top;
    private final Environment environment;
    private final Console console;
    private ProjectFile file;

    ModelSession(GlobalOptions options, StratoCommand top, Environment environment, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.top = top;
        this.environment = environment;
        this.console = new Console(out, err, Console.useColor(environment, top.noColor));
    }

    Console console() {
        return console;
    }

    ProjectFile file() {
        return file;
    }

    /** Whether {@code --stacktrace} was given. */
    boolean stacktrace() {
        return top.stacktrace;
    }

    /** The model; a failure when there is no file to load. */
    LoadResult load() {
        Optional<ProjectFile> found = ProjectFile.locate(options.config, environment.workingDir());
        if (found.isEmpty())
            throw CommandException.failure(ProjectFile.notFound(options.config, environment.workingDir()));
        file = found.get();
        LoadOptions lo =
                new LoadOptions(options.stage, options.params, environment.variables(), options.providers(), today());
        long start = System.nanoTime();
        LoadResult result = ModelLoader.load(file.path(), file.label(), lo);
        // validate finds what generate would refuse: a dry run of the generators, with positions
        dev.strato.generator.Preflight.check(result, file.path(), file.label());
        if (top.verbose) {
            console.err()
                    .printf(
                            "strato: loaded %s (stage %s, providers %s, %d functions) in %d ms%n",
                            file.path(),
                            result.service().map(s -> s.stage()).orElse("?"),
                            String.join(
                                    ", ",
                                    result.providers().stream().map(p -> p.id()).toList()),
                            result.service().map(s -> s.functions().size()).orElse(0),
                            (System.nanoTime() - start) / 1_000_000);
        }
        return result;
    }

    /** STRATO_TODAY pins the date runtime deprecations are judged by (reproducible CI and tests). */
    LocalDate today() {
        String pinned = environment.get("STRATO_TODAY");
        return pinned == null || pinned.isBlank() ? LocalDate.now() : LocalDate.parse(pinned.strip());
    }

    /** Prints diagnostics as {@code file:line:col: severity: path: message} lines on stderr. */
    void printText(LoadResult result) {
        for (Diagnostic d : result.diagnostics().sorted()) {
            String line = d.format();
            String label = d.severity().label();
            String painted = d.isError() ? console.red(label) : console.yellow(label);
            console.err()
                    .println(line.replaceFirst(
                            java.util.regex.Pattern.quote(label + ":"),
                            java.util.regex.Matcher.quoteReplacement(painted + ":")));
        }
        console.err().flush();
    }

    /** Prints the diagnostics; for an invalid model also the ✗ summary (with {@code consequence}, e.g. "; nothing generated"). */
    boolean reportValid(LoadResult result, String consequence) {
        printText(result);
        if (result.isValid()) return true;
        console.err().println(console.red("✗") + " " + file.label() + ": " + counts(result) + consequence);
        console.err().flush();
        return false;
    }

    static List<Map<String, Object>> json(LoadResult result) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Diagnostic d : result.diagnostics().sorted()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.position().file());
            m.put("line", d.position().line());
            m.put("column", d.position().column());
            m.put("severity", d.severity().label());
            m.put("path", d.path());
            m.put("message", d.message());
            list.add(m);
        }
        return list;
    }

    /** A summary such as "2 errors, 1 warning". */
    static String counts(LoadResult result) {
        int errors = result.diagnostics().errorCount();
        int warnings = result.diagnostics().sorted().size() - errors;
        List<String> parts = new ArrayList<>();
        if (errors > 0) parts.add(errors + (errors == 1 ? " error" : " errors"));
        if (warnings > 0) parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        return String.join(", ", parts);
    }
}
