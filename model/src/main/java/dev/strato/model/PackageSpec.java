package dev.strato.model;

import java.util.List;

/** Which project files go into function packages (glob patterns relative to the project folder). */
public record PackageSpec(List<String> include, List<String> exclude, boolean individually) {

    public static final List<String> DEFAULT_EXCLUDE = List.of(".git/**", ".strato/**", "node_modules/.cache/**", "**/.DS_Store",
            "**/__pycache__/**", "**/*.pyc");

    public PackageSpec {
        include = Maps.copy(include);
        exclude = Maps.copy(exclude);
    }
}
