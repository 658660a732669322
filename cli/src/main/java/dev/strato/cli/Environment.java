package dev.strato.cli;

import java.nio.file.Path;
import java.util.Map;

/** The process environment and working folder, injected so that tests run commands in-process. */
public record Environment(Map<String, String> variables, Path workingDir) {

    public Environment(Map<String, String> variables) {
        this(variables, Path.of(variables.getOrDefault("STRATO_WORKDIR", System.getProperty("user.dir"))));
    }

    public Environment {
        variables = Map.copyOf(variables);
    }

    public String get(String name) {
        return variables.get(name);
    }
}
