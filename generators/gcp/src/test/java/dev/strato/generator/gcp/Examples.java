package dev.strato.generator.gcp;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.providers.GcpGateway;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Event;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.List;

/** The project's examples and other models, loaded for gcp, with a chosen gateway. */
final class Examples {

    private Examples() {}

    static List<String> names() {
        return ExampleModels.names();
    }

    static Path dir(String example) {
        return ExampleModels.DIR.resolve(example);
    }

    static Service load(Path file) {
        return ExampleModels.load(file, Provider.GCP);
    }

    static Service load(String example) {
        return load(dir(example).resolve("strato.yml"));
    }

    static boolean hasRoutes(Service s) {
        return s.functions().values().stream()
                .anyMatch(f -> f.events().stream().anyMatch(Event.Http.class::isInstance));
    }

    static Service withGateway(Service s, GcpGateway gateway) {
        Providers.Gcp gcp = s.providers().gcp();
        Providers p = new Providers(
                s.providers().aws(), s.providers().azure(), new Providers.Gcp(gcp.project(), gcp.region(), gateway));
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
        new GcpGenerator().generate(new GenerationContext(s, projectDir), out);
        return out;
    }
}
