package dev.strato.model.service;

import dev.strato.model.support.Maps;
import java.util.List;

/** Which project files go into function packages (glob patterns relative to the project folder). */
public record PackageSpec(List<String> include, List<String> exclude, boolean individually) {

    /**
     * What no package ever holds, whatever {@code package.include} says (docs/MODEL.md, "Packages"):
     * the service file (it may hold secrets and is no code), strato's own folder ({@code .strato/},
     * overrides and the default output), version-control folders, {@code .env} files (local
     * secrets), caches and build litter. A pattern that matches a folder leaves out all under it.
     */
    public static final List<String> DEFAULT_EXCLUDE = List.of(
            "strato.yml",
            "strato.yaml",
            ".strato",
            "**/.git",
            "**/.hg",
            "**/.svn",
            "**/.bzr",
            "**/_darcs",
            "**/.fslckout",
            "**/_FOSSIL_",
            "**/.env",
            "**/.env.*",
            "node_modules/.cache",
            "**/.DS_Store",
            "**/__pycache__",
            "**/*.pyc");

    public PackageSpec {
        include = Maps.copy(include);
        exclude = Maps.copy(exclude);
    }
}
