package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.OutputTree;
import dev.strato.model.AwsFormat;
import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.Provider;
import dev.strato.model.Providers;
import dev.strato.model.Service;
import dev.strato.model.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's examples, loaded for aws as the CLI would, with an empty environment and a pinned date. */
final class Examples {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path DIR = ROOT.resolve("examples");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private Examples() {}

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(DIR)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("strato.yml"))).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Service load(Path file) {
        LoadResult r = ModelLoader.load(file, file.getFileName().toString(), new LoadOptions(null, Map.of(), Map.of(), List.of(Provider.AWS), TODAY));
        assertThat(r.diagnostics().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList()).as(file.toString()).isEmpty();
        return r.service().orElseThrow();
    }

    static Service load(String example) {
        return load(DIR.resolve(example).resolve("strato.yml"));
    }

    static Service withFormat(Service s, AwsFormat format) {
        Providers.Aws aws = s.providers().aws();
        Providers p = new Providers(new Providers.Aws(aws.region(), format, aws.profile()), s.providers().azure(), s.providers().gcp());
        return new Service(s.name(), s.description(), s.stage(), s.runtime(), s.adapter(), p, s.packaging(), s.functions(), s.resources());
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
