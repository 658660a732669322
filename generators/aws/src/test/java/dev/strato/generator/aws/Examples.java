package dev.strato.generator.aws;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.generator.testing.ExampleModels;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.List;

/** The project's examples, loaded for aws as the CLI would, with an empty environment and a pinned date. */
final class Examples {

    static final Path ROOT = ExampleModels.ROOT;
    static final Path DIR = ExampleModels.DIR;

    private Examples() {}

    static List<String> names() {
        return ExampleModels.names();
    }

    static Service load(Path file) {
        return ExampleModels.load(file, Provider.AWS);
    }

    static Service load(String example) {
        return load(DIR.resolve(example).resolve("strato.yml"));
    }

    static Service withFormat(Service s, AwsFormat format) {
        Providers.Aws aws = s.providers().aws();
        Providers p = new Providers(
                new Providers.Aws(aws.region(), format, aws.profile()),
                s.providers().azure(),
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
        new AwsGenerator().generate(new GenerationContext(s, projectDir), out);
        return out;
    }

    static OutputTree generate(String example, AwsFormat format) throws GenerationException {
        return generate(withFormat(load(example), format), DIR.resolve(example));
    }
}
