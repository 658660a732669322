package dev.strato.generator.azure;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.AzurePlan;
import dev.strato.model.AzureQueues;
import dev.strato.model.LoadResult;
import dev.strato.model.Provider;
import dev.strato.model.Providers;
import dev.strato.model.Service;
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
        Providers p = new Providers(s.providers().aws(), new Providers.Azure(a.location(), a.resourceGroup(), plan, queues), s.providers().gcp());
        return new Service(s.name(), s.description(), s.stage(), s.runtime(), s.adapter(), p, s.packaging(), s.functions(), s.resources());
    }

    static OutputTree generate(Service s, Path projectDir) throws GenerationException {
        OutputTree out = new OutputTree();
        new AzureGenerator().generate(new GenerationContext(s, projectDir), out);
        return out;
    }

    static OutputTree generate(String example) throws GenerationException {
        return generate(load(example), DIR.resolve(example));
    }
}
