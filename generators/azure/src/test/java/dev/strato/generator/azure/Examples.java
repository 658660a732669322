package dev.strato.generator.azure;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.LoadResult;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.List;

/** The project's examples and other models, loaded for azure as the CLI would, with an empty environment and a pinned date. */
final class Examples {

    static final Path DIR = ExampleModels.DIR;

    private Examples() {}

    static List<String> names() {
        return ExampleModels.names();
    }

    static LoadResult loadResult(Path file) {
        return ExampleModels.loadResult(file, Provider.AZURE);
    }

    static Service load(Path file) {
        return ExampleModels.load(file, Provider.AZURE);
    }

    static Service load(String example) {
        return load(DIR.resolve(example).resolve("strato.yml"));
    }

    /** The same service on another plan or queue service. */
    static Service with(Service s, AzurePlan plan, AzureQueues queues) {
        Providers.Azure a = s.providers().azure();
        Providers p = new Providers(
                s.providers().aws(),
                new Providers.Azure(a.location(), a.resourceGroup(), plan, queues),
                s.providers().gcp());
        return new Service(
                s.name(),
                s.description(),
                s.stage(),
                s.runtime(),
                s.adapter(),
                p,
                s.packaging(),
                s.functions(),
                s.resources());
    }

    static OutputTree generate(Service s, Path projectDir) throws GenerationException {
        OutputTree out = new OutputTree();
        new AzureGenerator().generate(new GenerationContext(s, projectDir), out);
        return out;
    }

    /**
     * An example on a plan and queue service. Consumption and Premium take no remote build, so
     * there the example is generated from a copy under target/ whose declared dependencies are
     * vendored as stubs and packaged: {@code node_modules/<name>/package.json}, a
     * {@code .python_packages/lib/site-packages/<name>-0.dist-info/METADATA} per requirement.
     */
    static OutputTree generate(String example, AzurePlan plan, AzureQueues queues)
            throws GenerationException, java.io.IOException {
        Service s = with(load(example), plan, queues);
        if (plan == AzurePlan.FLEX) return generate(s, DIR.resolve(example));
        Path copy = Path.of("target", "vendored-examples", example).toAbsolutePath();
        if (!java.nio.file.Files.isDirectory(copy)) {
            Path partial =
                    Path.of("target", "vendored-examples", example + ".partial").toAbsolutePath();
            try (var files = java.nio.file.Files.walk(DIR.resolve(example))) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path to = partial.resolve(
                            DIR.resolve(example).relativize(from).toString());
                    if (java.nio.file.Files.isDirectory(from)) java.nio.file.Files.createDirectories(to);
                    else java.nio.file.Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (dev.strato.model.support.Dependencies.Declared d : dev.strato.model.support.Dependencies.declared(
                    partial, s.functions().values().iterator().next().runtime().language())) {
                Path stub = partial.resolve(d.probe().endsWith("-") ? d.probe() + "0.dist-info/METADATA" : d.probe());
                java.nio.file.Files.createDirectories(stub.getParent());
                java.nio.file.Files.writeString(stub, "stub of " + d.name() + " for the tests\n");
            }
            java.nio.file.Files.move(partial, copy);
        }
        List<String> include = new java.util.ArrayList<>(s.packaging().include());
        if (!include.isEmpty()) include.addAll(List.of("node_modules/**", ".python_packages/**"));
        dev.strato.model.service.PackageSpec packaging = new dev.strato.model.service.PackageSpec(
                include, s.packaging().exclude(), s.packaging().individually());
        Service vendored = new Service(
                s.name(),
                s.description(),
                s.stage(),
                s.runtime(),
                s.adapter(),
                s.providers(),
                packaging,
                s.functions(),
                s.resources());
        return generate(vendored, copy);
    }

    static OutputTree generate(String example) throws GenerationException {
        return generate(load(example), DIR.resolve(example));
    }
}
