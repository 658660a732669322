package dev.strato.generator;

import dev.strato.model.LoadResult;
import dev.strato.model.diag.Position;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import dev.strato.templates.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@code generate} would refuse, found before it runs, so that {@code validate} (and every
 * command that loads the model) reports it with exit 3 and a position: template overrides that do
 * not parse (at the override's own line and column), then a dry run of each installed generator
 * in memory, whose refusals become errors at the model path they name (or, when a generator names
 * none, at the function, resource or provider block its message is about). I/O failures are left
 * to {@code generate}, which reports them with exit 1.
 */
public final class Preflight {

    private Preflight() {}

    /** Adds to {@code result}'s diagnostics; runs only when the model is valid so far. */
    public static void check(LoadResult result, Path file, String label) {
        if (!result.isValid()) return;
        Path projectDir = file.toAbsolutePath().normalize().getParent();
        String prefix = label.contains("/") ? label.substring(0, label.lastIndexOf('/') + 1) : "";
        for (Templates.OverrideProblem p : Templates.checkOverrides(projectDir)) {
            result.diagnostics()
                    .error(
                            new Position(prefix + Templates.OVERRIDE_DIR + "/" + p.name(), p.line(), p.column()),
                            "",
                            p.message());
        }
        if (result.diagnostics().hasErrors()) return;
        Service service = result.service().orElseThrow();
        Map<Provider, Generator> installed = Generators.installed();
        for (Provider p : result.providers()) {
            Generator g = installed.get(p);
            if (g == null) continue;
            try {
                g.generate(
                        new GenerationContext(service, projectDir, projectDir.resolve(".strato/generated")),
                        new OutputTree());
            } catch (GenerationException e) {
                if (overrideFailed(e, projectDir, prefix, result)) continue;
                if (e.isIoFailure()) continue;
                String path = e.path() != null ? e.path() : blame(e.getMessage(), service, p);
                result.diagnostics().error(result.sources().keyAt(path), path, p.id() + ": " + e.getMessage());
            }
        }
    }

    /**
     * A project's template override that failed while rendering (such as a locked-down
     * {@code ?new}) is the project's error, not an I/O failure: reported at the override's line.
     */
    private static boolean overrideFailed(GenerationException e, Path projectDir, String prefix, LoadResult result) {
        var failed = Templates.overrideFailure(e, projectDir);
        failed.ifPresent(p -> result.diagnostics()
                .error(
                        new Position(prefix + Templates.OVERRIDE_DIR + "/" + p.name(), p.line(), p.column()),
                        "",
                        p.message()));
        return failed.isPresent();
    }

    /** The function or resource a message names (the longest name first), else the provider's block. */
    static String blame(String message, Service service, Provider provider) {
        List<String[]> names = new ArrayList<>();
        service.functions().keySet().forEach(n -> names.add(new String[] {n, "functions." + n}));
        service.resources().keySet().forEach(n -> names.add(new String[] {n, "resources." + n}));
        names.sort(Comparator.comparingInt((String[] n) -> -n[0].length()));
        int best = Integer.MAX_VALUE;
        String path = "providers." + provider.id();
        for (String[] n : names) {
            var m = Pattern.compile("(?<![\\w-])" + Pattern.quote(n[0]) + "(?![\\w-])")
                    .matcher(message);
            if (m.find() && m.start() < best) {
                best = m.start();
                path = n[1];
            }
        }
        return path;
    }
}
