package dev.strato.model.vars;

import java.nio.file.Path;
import java.util.Map;

/**
 * What variables resolve against: the stage given on the command line (or null to take the
 * file's), {@code --param} values, the process environment, and the project folder that
 * {@code ${file()}} may not leave.
 */
public record VariableContext(
        String stageOverride, Map<String, String> options, Map<String, String> environment, Path projectDir) {

    public VariableContext {
        options = Map.copyOf(options);
        environment = Map.copyOf(environment);
    }
}
