package dev.strato.cli;

import dev.strato.model.support.Suggestions;
import dev.strato.provider.ServiceTarget;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code -f NAME}: a function of strato.yml, by the name it has there. */
public final class FunctionOption {

    @Option(
            names = {"-f", "--function"},
            paramLabel = "NAME",
            required = true,
            description = "The function, by its name in strato.yml.")
    String name;

    /** Null when the service has the function; else the one-line error, with the closest name. */
    String problem(ServiceTarget target) {
        Set<String> names = target.service().functions().keySet();
        if (names.contains(name)) return null;
        return "unknown function '" + name + "'" + Suggestions.didYouMean(name, names) + " (functions: "
                + String.join(", ", names) + ")";
    }
}
