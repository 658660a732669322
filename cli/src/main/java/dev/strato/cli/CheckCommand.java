package dev.strato.cli;

import dev.strato.insight.check.Checker;
import dev.strato.insight.check.Finding;
import dev.strato.insight.check.Level;
import dev.strato.insight.check.Rules;
import dev.strato.insight.check.Sarif;
import dev.strato.model.LoadResult;
import dev.strato.model.providers.Provider;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        description =
                "Best-practice, reliability and portability findings over the resolved model, each with a rule id, the reason and the fix.")
final class CheckCommand extends ModelCommand {

    enum Format {
        text,
        json,
        sarif
    }

    enum FailOn {
        warning,
        error
    }

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            description = "text (default), json or sarif (SARIF 2.1.0, for code scanning).")
    Format format = Format.text;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at this level or above: error (default) or warning.")
    FailOn failOn = FailOn.error;

    CheckCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) {
        if (!session.reportValid(result, "; nothing checked")) return ExitCodes.INVALID_MODEL;
        LocalDate today = session.today();
        List<Finding> findings =
                Checker.check(result.service().orElseThrow(), result.sources(), result.providers(), today);
        Console c = session.console();
        switch (format) {
            case sarif -> Json.print(c.out(), Sarif.log(findings, VersionProvider.version()));
            case json -> Json.print(c.out(), json(session, result, findings));
            default -> text(c, session, result, findings);
        }
        Level threshold = failOn == FailOn.warning ? Level.WARNING : Level.ERROR;
        return Checker.anyAtLeast(findings, threshold) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static Map<String, Object> json(ModelSession session, LoadResult result, List<Finding> findings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", session.file().label());
        json.put("providers", result.providers().stream().map(Provider::id).toList());
        json.put("rules", Rules.all().size());
        json.put(
                "findings",
                findings.stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("rule", f.rule().id());
                            m.put("level", f.level().label());
                            m.put("file", f.position().file());
                            m.put("line", f.position().line());
                            m.put("column", f.position().column());
                            m.put("path", f.path());
                            m.put(
                                    "provider",
                                    f.provider() == null ? null : f.provider().id());
                            m.put("message", f.message());
                            m.put("why", f.rule().why());
                            m.put("fix", f.rule().fix());
                            m.put("source", f.rule().source());
                            return m;
                        })
                        .toList());
        return json;
    }

    private static void text(Console c, ModelSession session, LoadResult result, List<Finding> findings) {
        for (Finding f : findings) {
            String line = f.format();
            String label = f.level().label();
            String painted = f.level() == Level.ERROR
                    ? c.red(label)
                    : f.level() == Level.WARNING ? c.yellow(label) : c.bold(label);
            c.out()
                    .println(line.replaceFirst(
                            java.util.regex.Pattern.quote(label + ":"),
                            java.util.regex.Matcher.quoteReplacement(painted + ":")));
            c.out()
                    .println("    fix: " + f.rule().fix()
                            + (f.rule().source() == null ? "" : " (" + f.rule().source() + ")"));
        }
        long errors = findings.stream().filter(f -> f.level() == Level.ERROR).count();
        long warnings =
                findings.stream().filter(f -> f.level() == Level.WARNING).count();
        long notes = findings.size() - errors - warnings;
        String providers =
                String.join(", ", result.providers().stream().map(Provider::id).toList());
        String counts = findings.isEmpty()
                ? "no findings"
                : plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(notes, "note");
        c.out()
                .println((errors > 0 ? c.red("✗") : c.green("✓")) + " "
                        + session.file().label() + ": " + counts + " ("
                        + Rules.all().size() + " rules, for " + providers + ")");
        c.out().flush();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
