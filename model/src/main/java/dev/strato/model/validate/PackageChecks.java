package dev.strato.model.validate;

import dev.strato.model.files.ProjectScan;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What packaging will take from the project folder, checked before any generator runs (so that
 * {@code validate} refuses what {@code generate} would): symbolic links that leave the project,
 * loop or dangle; a selection with no files; a handler file the selection leaves out; a Java
 * function on Azure without exactly one jar in the package.
 */
final class PackageChecks {

    /** Packages are plain zips, which count entries in 16 bits (generators add a few files of their own). */
    static final int MAX_ZIP_ENTRIES = 0xFFFF - 16;

    private static final List<String> NODE_EXTENSIONS = List.of(".js", ".mjs", ".cjs");

    private final Context c;

    PackageChecks(Context c) {
        this.c = c;
    }

    void run() {
        if (c.projectDir() == null || c.service().functions().isEmpty()) return;
        // a pattern ServiceChecks refuses would only add follow-on errors (such as "selects no files")
        List<String> patterns =
                new java.util.ArrayList<>(c.service().packaging().include());
        patterns.addAll(c.service().packaging().exclude());
        if (patterns.stream().anyMatch(p -> p.startsWith("/") || p.contains(".."))) return;
        Optional<ProjectScan.Result> scanned = scan();
        if (scanned.isEmpty()) return;
        ProjectScan.Result scan = scanned.get();
        for (ProjectScan.Problem p : scan.problems()) c.error(blame(p.path()), p.message());
        if (scan.files().isEmpty()) {
            // without package.include an empty project gives empty packages; the missing handler files are reported
            if (!c.service().packaging().include().isEmpty()) {
                c.error(
                        specPath(),
                        "package.include selects no files in the project folder: function packages would be empty");
            }
            return;
        }
        if (scan.files().size() > MAX_ZIP_ENTRIES) {
            c.error(
                    specPath(),
                    "packages would hold " + scan.files().size() + " files, more than the " + MAX_ZIP_ENTRIES
                            + " a zip without ZIP64 records holds (leave some out with package.exclude)");
        }
        List<String> refused =
                scan.problems().stream().map(ProjectScan.Problem::path).toList();
        for (Function f : c.service().functions().values()) {
            handlerPackaged(f, scan.files(), refused);
            if (f.runtime() == Runtime.JAVA21 || f.runtime() == Runtime.JAVA25) javaJar(f, scan.files());
        }
    }

    private Optional<ProjectScan.Result> scan() {
        try {
            return Optional.of(ProjectScan.scan(c.projectDir(), c.service().packaging(), List.of()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an invalid glob, which ServiceChecks reports at its position
        } catch (IOException e) {
            c.error(specPath(), "cannot read the project folder for packaging: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A file the handler names that exists but that the package spec leaves out. */
    private void handlerPackaged(Function f, List<String> files, List<String> refused) {
        List<String> candidates = handlerFiles(f);
        if (candidates.isEmpty()) return;
        if (candidates.stream()
                .anyMatch(x ->
                        files.contains(x) || refused.stream().anyMatch(l -> x.equals(l) || x.startsWith(l + "/"))))
            return;
        for (String candidate : candidates) {
            if (java.nio.file.Files.isRegularFile(c.projectDir().resolve(candidate))) {
                c.error(
                        "functions." + f.name() + ".handler",
                        "handler file " + candidate + " is not in the package: "
                                + (c.service().packaging().include().isEmpty()
                                        ? "package.exclude"
                                        : "package.include/exclude")
                                + " or the default excludes leave it out");
                return;
            }
        }
    }

    private void javaJar(Function f, List<String> files) {
        if (!c.providers().contains(Provider.AZURE)) return;
        List<String> jars = files.stream().filter(p -> p.endsWith(".jar")).toList();
        if (jars.size() == 1) return;
        c.error(
                c.settingPath(f, "runtime"),
                "function " + f.name() + ": Java functions on azure run from the package's jar, and the package holds "
                        + (jars.isEmpty()
                                ? "none (build the jar first, or select it with package.include)"
                                : jars.size() + " (" + String.join(", ", jars) + "; select one with package.include)"));
    }

    /** The files a script or Go handler may name, relative to the project; none for Java or .NET. */
    private static List<String> handlerFiles(Function f) {
        if (f.handler() == null || f.runtime() == null) return List.of();
        String h;
        try {
            h = java.nio.file.Path.of(f.handler()).normalize().toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            return List.of();
        }
        if (h.startsWith("..") || h.startsWith("/")) return List.of();
        int dot = h.lastIndexOf('.');
        return switch (f.runtime().language()) {
            case NODE ->
                dot <= 0
                        ? List.of()
                        : NODE_EXTENSIONS.stream()
                                .map(ext -> h.substring(0, dot) + ext)
                                .toList();
            case PYTHON -> dot <= 0 ? List.of() : List.of(h.substring(0, dot) + ".py");
            case GO -> List.of(h);
            default -> List.of();
        };
    }

    /** A link that is a handler's file is blamed on that handler, any other on the package spec. */
    private String blame(String link) {
        for (Function f : c.service().functions().values()) {
            for (String file : handlerFiles(f)) {
                if (file.equals(link) || link.startsWith(file + "/") || file.startsWith(link + "/"))
                    return "functions." + f.name() + ".handler";
            }
        }
        return specPath();
    }

    private String specPath() {
        if (c.sources().has("package.include")) return "package.include";
        return "package";
    }
}
