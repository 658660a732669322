package dev.strato.cli;

import dev.strato.generator.AtomicWriter;
import dev.strato.importer.ImportException;
import dev.strato.importer.Importer;
import dev.strato.importer.Report;
import dev.strato.model.LoadResult;
import dev.strato.model.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        description = {
            "Turn a Serverless Framework service (serverless.yml/.yaml/.json) or a SAM/CloudFormation template into strato.yml,",
            "and report each item mapped and each one not carried over (line:col, reason, closest strato equivalent).",
            "Exit 0 when the written strato.yml validates, 3 when FILE cannot be read as a service or the result does not validate."
        })
final class ImportCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "FILE",
            description = "serverless.yml, serverless.json, or a SAM/CloudFormation template (YAML or JSON).")
    Path file;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Where to write strato.yml (default: strato.yml beside FILE).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path reportFile;

    @Option(names = "--force", description = "Overwrite existing output files.")
    boolean force;

    @Mixin
    OutputOption output;

    @Spec
    CommandSpec spec;

    private final Environment environment;

    ImportCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Console c = new Console(
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                Console.useColor(environment, StratoCommand.of(spec).noColor));
        Path wd = environment.workingDir();
        Path source = wd.resolve(file).toAbsolutePath().normalize();
        if (!Files.exists(source)) throw CommandException.failure("no such file: " + file);
        Path target = out != null ? wd.resolve(out).toAbsolutePath().normalize() : source.resolveSibling("strato.yml");
        String targetLabel = out != null ? out.toString() : label(wd, target);
        Path report = reportFile == null
                ? null
                : wd.resolve(reportFile).toAbsolutePath().normalize();
        for (Path p : new Path[] {target, report}) {
            if (p == null) continue;
            if (p.equals(source)) throw CommandException.usage(p + " is the file being imported; nothing written");
            if (Files.exists(p) && !force)
                throw CommandException.failure(p + " already exists; nothing written (use --force to overwrite)");
        }
        Importer.Result result;
        try {
            result = Importer.importFile(source, file.toString());
        } catch (ImportException e) {
            if (output.json()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("source", file.toString());
                json.put("valid", false);
                json.put(
                        "error",
                        Map.of(
                                "line",
                                e.position().line(),
                                "column",
                                e.position().column(),
                                "message",
                                e.getMessage()));
                Json.print(c.out(), json);
            }
            String where = e.position().toString();
            throw CommandException.invalidModel(where.isEmpty() ? null : where, e.getMessage() + "; nothing written");
        }
        LoadResult validation = writeAndValidate(result, target, targetLabel);
        Map<String, Object> json = json(result, targetLabel, validation);
        if (report != null) write(report, render(json));
        if (output.json()) {
            Json.print(c.out(), json);
        } else {
            print(c, result, validation, targetLabel);
        }
        return validation.isValid() ? ExitCodes.OK : ExitCodes.INVALID_MODEL;
    }

    /** Writes strato.yml to a temporary file beside the target, validates it there, then moves it into place. */
    private LoadResult writeAndValidate(Importer.Result result, Path target, String targetLabel) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".strato-import-", ".yml");
        try {
            Files.writeString(temp, result.yaml(), StandardCharsets.UTF_8);
            LoadResult validation = Importer.validate(temp, targetLabel, result, environment.variables(), today());
            move(temp, target);
            return validation;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void write(Path target, String text) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".strato-report-", ".json");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        AtomicWriter.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String render(Object tree) {
        StringWriter s = new StringWriter();
        Json.print(new PrintWriter(s), tree);
        return s.toString();
    }

    private static String label(Path wd, Path target) {
        Path base = wd.toAbsolutePath().normalize();
        return target.startsWith(base) ? base.relativize(target).toString() : target.toString();
    }

    private Map<String, Object> json(Importer.Result result, String targetLabel, LoadResult validation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", file.toString());
        m.put("format", result.format().id());
        m.put("output", targetLabel);
        m.put("valid", validation.isValid());
        m.putAll(result.report().json());
        m.put("diagnostics", ModelSession.json(validation));
        return m;
    }

    private void print(Console c, Importer.Result result, LoadResult validation, String targetLabel) {
        for (Report.Item item : result.report().items()) {
            String line = item.format();
            if (item.kind() == Report.Kind.UNMAPPED)
                line = line.replaceFirst(": not mapped:", ": " + c.yellow("not mapped") + ":");
            c.out().println(line);
        }
        c.out().flush();
        for (Diagnostic d : validation.diagnostics().sorted()) {
            String label = d.severity().label();
            c.err()
                    .println(d.format()
                            .replaceFirst(
                                    java.util.regex.Pattern.quote(label + ":"),
                                    java.util.regex.Matcher.quoteReplacement(
                                            (d.isError() ? c.red(label) : c.yellow(label)) + ":")));
        }
        c.err().flush();
        int functions = ((Map<?, ?>) result.tree().get("functions")).size();
        Object resources = result.tree().get("resources");
        int unmapped = result.report().items(Report.Kind.UNMAPPED).size();
        String summary = "wrote " + targetLabel + " from " + file + " ("
                + result.format().description() + "): " + functions
                + (functions == 1 ? " function, " : " functions, ") + (resources instanceof Map<?, ?> r ? r.size() : 0)
                + " resources; "
                + result.report().items(Report.Kind.MAPPED).size() + " items mapped, " + unmapped + " not mapped";
        if (validation.isValid()) {
            c.out().println(c.green("✓") + " " + summary + (unmapped > 0 ? " (see the lines above)" : ""));
        } else {
            c.out()
                    .println(c.red("✗") + " " + summary + "; " + targetLabel
                            + " does not validate: fix the errors above");
        }
        c.out().flush();
    }

    /** STRATO_TODAY pins the date runtime deprecations are judged by. */
    private LocalDate today() {
        String pinned = environment.get("STRATO_TODAY");
        return pinned == null || pinned.isBlank() ? LocalDate.now() : LocalDate.parse(pinned.strip());
    }
}
