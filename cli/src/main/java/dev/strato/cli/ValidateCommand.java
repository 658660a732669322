package dev.strato.cli;

import dev.strato.model.LoadResult;
import dev.strato.model.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check strato.yml: YAML, variables, references, runtimes and provider limits; all problems at once.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin GlobalOptions global;
    @Mixin OutputOption output;
    @Spec CommandSpec spec;

    private final Environment environment;

    ValidateCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ModelSession session = new ModelSession(global, environment, spec.commandLine().getOut(), spec.commandLine().getErr());
        Optional<LoadResult> loaded = session.load();
        if (loaded.isEmpty()) return ExitCodes.FAILURE;
        LoadResult result = loaded.get();
        String providers = String.join(", ", result.providers().stream().map(Provider::id).toList());
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", session.file().label());
            json.put("valid", result.isValid());
            json.put("providers", result.providers().stream().map(Provider::id).toList());
            json.put("diagnostics", ModelSession.json(result));
            Json.print(session.console().out(), json);
        } else {
            session.printText(result);
            Console c = session.console();
            if (result.isValid()) {
                String warnings = result.diagnostics().isEmpty() ? "" : " (" + ModelSession.counts(result) + ")";
                c.out().println(c.green("✓") + " " + session.file().label() + " is valid for " + providers + warnings);
            } else {
                c.err().println(c.red("✗") + " " + session.file().label() + ": " + ModelSession.counts(result));
            }
            c.out().flush();
            c.err().flush();
        }
        return result.isValid() ? ExitCodes.OK : ExitCodes.INVALID_MODEL;
    }
}
