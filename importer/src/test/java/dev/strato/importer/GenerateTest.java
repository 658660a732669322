package dev.strato.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.OutputTree;
import dev.strato.generator.aws.AwsGenerator;
import dev.strato.model.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every fixture's import generates for aws, and cfn-lint finds nothing in any of the templates. */
class GenerateTest {

    @Test
    void everyImportGeneratesACleanTemplate() throws Exception {
        List<Path> templates = new ArrayList<>();
        for (String name : Cases.names()) {
            Importer.Result result = Cases.importCase(name);
            Path dir = Cases.WORK.resolve(name);
            LoadResult loaded = Cases.validate(dir.resolve("strato.yml"), result);
            stubHandlers(loaded.service().orElseThrow(), dir);
            OutputTree out = new OutputTree();
            new AwsGenerator().generate(new GenerationContext(loaded.service().orElseThrow(), dir), out);
            Path template = dir.resolve("out/template.yaml");
            Files.createDirectories(template.getParent());
            Files.write(template, out.files().get(AwsGenerator.TEMPLATE));
            templates.add(template);
        }
        assertThat(Lint.findings(templates)).as("cfn-lint findings").isEmpty();
    }

    /** The fixtures ship no code: an empty handler file per function gives the packages something to hold. */
    static void stubHandlers(dev.strato.model.service.Service service, Path dir) throws java.io.IOException {
        for (dev.strato.model.service.Function f : service.functions().values()) {
            String handler = f.handler();
            if (handler.contains("::") || !handler.contains(".")) continue;
            String ext = f.runtime().language() == dev.strato.model.service.Runtime.Language.PYTHON ? ".py" : ".js";
            Path file = dir.resolve(handler.substring(0, handler.lastIndexOf('.')) + ext);
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) Files.writeString(file, "");
        }
    }
}
