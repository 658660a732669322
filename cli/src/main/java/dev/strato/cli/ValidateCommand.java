package dev.strato.cli;

import dev.strato.model.LoadResult;
import dev.strato.model.providers.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "validate",
        description =
                "Check strato.yml: YAML, variables, references, runtimes and provider limits; all problems at once.")
final class ValidateCommand extends ModelCommand {

    @Mixin
    OutputOption output;

    ValidateCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) {
        String providers =
                String.join(", ", result.providers().stream().map(Provider::id).toList());
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", session.file().label());
            json.put("valid", result.isValid());
            json.put("providers", result.providers().stream().map(Provider::id).toList());
            json.put("diagnostics", ModelSession.json(result));
            Json.print(session.console().out(), json);
        } else {
            Console c = session.console();
            if (session.reportValid(result, "")) {
                String warnings = result.diagnostics().isEmpty() ? "" : " (" + ModelSession.counts(result) + ")";
                c.out().println(c.green("✓") + " " + session.file().label() + " is valid for " + providers + warnings);
                c.out().flush();
            }
        }
        return result.isValid() ? ExitCodes.OK : ExitCodes.INVALID_MODEL;
    }
}
