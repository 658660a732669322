package dev.strato.generator.azure;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.ProjectFiles;
import dev.strato.model.service.PackageSpec;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The function app's package: the project files that {@code package.include/exclude} select,
 * {@code host.json} at the root, {@code <function>/function.json} per Azure function and the
 * portable-handler adapter (library and entry module) when a function has one, once
 * as a folder ({@code app/}) and once as the deterministic {@code app.zip} of core packaging.
 * An app has one package, so it is always the shared one whatever {@code package.individually} says.
 */
final class AppPackage {

    static final String DIR = "app/";
    static final String ZIP = "app.zip";
    static final String HOST_JSON = "host.json";
    static final String FUNCTION_JSON = "function.json";

    private AppPackage() {}

    static List<String> projectFiles(GenerationContext c) throws GenerationException {
        try {
            return ProjectFiles.select(c.projectDir(), c.service().packaging(), skipped(c));
        } catch (IOException e) {
            throw new GenerationException("cannot read the project files for the app package: " + e.getMessage(), e);
        }
    }

    static void write(GenerationContext c, StackBuilder.Stack d, OutputTree out) throws GenerationException {
        Map<String, byte[]> generated = new LinkedHashMap<>();
        generated.put(HOST_JSON, Json.pretty(d.hostJson()));
        d.functions().forEach((name, json) -> generated.put(name + "/" + FUNCTION_JSON, Json.pretty(json)));
        generated.putAll(d.adapterFiles());
        Path root = c.projectDir().toAbsolutePath().normalize();
        try {
            for (String path : d.packageFiles()) out.add(DIR + path, ProjectFiles.read(root, path));
        } catch (IOException e) {
            throw new GenerationException("cannot read the project files for the app package: " + e.getMessage(), e);
        }
        generated.forEach((path, bytes) -> out.add(DIR + path, bytes));
        Service s = c.service();
        PackageSpec shared =
                new PackageSpec(s.packaging().include(), s.packaging().exclude(), false);
        Service oneApp = new Service(
                s.name(),
                s.description(),
                s.stage(),
                s.runtime(),
                s.adapter(),
                s.providers(),
                shared,
                s.functions(),
                s.resources());
        // every function brings all generated files; the shared package holds each once
        byte[] zip = Packager.build(new GenerationContext(oneApp, c.projectDir(), c.outputDir()), f -> generated)
                .distinct()
                .get(0)
                .bytes();
        out.add(ZIP, zip);
    }

    private static List<Path> skipped(GenerationContext c) {
        return c.outputDir() == null ? List.of() : List.of(c.outputDir());
    }
}
