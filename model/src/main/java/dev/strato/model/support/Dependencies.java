package dev.strato.model.support;

import dev.strato.model.service.Runtime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dependencies a Node.js or Python project declares ({@code package.json} "dependencies",
 * {@code requirements.txt}) and where a package must hold them to run without a build on the
 * host: {@code node_modules/<name>/package.json}, and a {@code <name>-<version>.dist-info} folder
 * in {@code .python_packages/lib/site-packages/}, the folder the Python worker adds to its path
 * (functions-reference-python#folder-structure). Azure's Consumption and Premium plans run the
 * package from its URL as it is, so they need them there; validate and generate ask this class
 * the same question.
 */
public final class Dependencies {

    public static final String NODE_MANIFEST = "package.json";
    public static final String PYTHON_MANIFEST = "requirements.txt";
    public static final String PYTHON_PACKAGES = ".python_packages/lib/site-packages/";
    private static final Pattern REQUIREMENT = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A declared dependency and the path prefix (lowercase) that a packaged file must start with for it to be there. */
    public record Declared(String manifest, String name, String probe) {}

    private Dependencies() {}

    /** What the project declares for its language; empty for languages that compile their dependencies in. */
    public static List<Declared> declared(Path projectDir, Runtime.Language language) throws IOException {
        List<Declared> all = new ArrayList<>();
        if (language == Runtime.Language.NODE) {
            Path manifest = projectDir.resolve(NODE_MANIFEST);
            if (!Files.isRegularFile(manifest)) return all;
            JsonNode deps;
            try {
                deps = JSON.readTree(Files.readString(manifest)).path("dependencies");
            } catch (RuntimeException e) {
                throw new IOException(NODE_MANIFEST + " is not JSON: " + e.getMessage(), e);
            }
            for (String name : deps.propertyNames())
                all.add(new Declared(
                        NODE_MANIFEST, name, "node_modules/" + name.toLowerCase(Locale.ROOT) + "/package.json"));
        } else if (language == Runtime.Language.PYTHON) {
            Path manifest = projectDir.resolve(PYTHON_MANIFEST);
            if (!Files.isRegularFile(manifest)) return all;
            for (String line : Files.readAllLines(manifest)) {
                String text = line.replaceAll("\\s#.*|^#.*", "").trim();
                Matcher m = REQUIREMENT.matcher(text);
                if (text.startsWith("-") || !m.find()) continue;
                String normalized = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "_");
                all.add(new Declared(PYTHON_MANIFEST, m.group(1), PYTHON_PACKAGES + normalized + "-"));
            }
        }
        return all;
    }

    /**
     * The declared dependencies that no packaged path holds.
     *
     * @param packaged whether some packaged file's path, in lowercase and with Python's
     *     distribution names normalized, starts with the probe
     */
    public static List<Declared> missing(List<Declared> declared, Predicate<String> packaged) {
        return declared.stream().filter(d -> !packaged.test(d.probe())).toList();
    }

    /** The packaged-path test for a list of package paths (relative, {@code /} separators). */
    public static Predicate<String> in(List<String> paths) {
        List<String> normalized = paths.stream().map(Dependencies::normalize).toList();
        return probe -> normalized.stream()
                .anyMatch(
                        p -> p.startsWith(probe) && (!probe.startsWith(PYTHON_PACKAGES) || p.contains(".dist-info/")));
    }

    /** Lowercase, and Python distribution folder names with {@code -_.} runs as {@code _} up to their version. */
    private static String normalize(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(PYTHON_PACKAGES)) return lower;
        String rest = lower.substring(PYTHON_PACKAGES.length());
        int slash = rest.indexOf('/');
        String folder = slash < 0 ? rest : rest.substring(0, slash);
        int version = folder.endsWith(".dist-info")
                ? folder.substring(0, folder.length() - ".dist-info".length()).lastIndexOf('-')
                : -1;
        if (version <= 0) return lower;
        return PYTHON_PACKAGES
                + folder.substring(0, version).replaceAll("[-_.]+", "_")
                + folder.substring(version)
                + (slash < 0 ? "" : rest.substring(slash));
    }

    /** One line for an error: what is declared and not packaged, and what to do. */
    public static String explain(List<Declared> missing, String plan) {
        Declared first = missing.get(0);
        List<String> names = missing.stream().map(Declared::name).toList();
        String how = first.manifest().equals(NODE_MANIFEST)
                ? "run npm ci --omit=dev and package node_modules (package.include: node_modules/**)"
                : "run pip install --target .python_packages/lib/site-packages -r requirements.txt and package it (package.include: .python_packages/**)";
        return "the " + plan
                + " plan runs the app package as it is, with no remote build (WEBSITE_RUN_FROM_PACKAGE), but "
                + first.manifest()
                + " declares " + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "")
                + " that the package does not hold: " + how + ", or use plan flex, where deploy builds remotely";
    }
}
