package dev.strato.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    private static final Path SOURCES = Path.of("src/main/resources/strato/templates");

    @Test
    void indexListsExactlyTheShippedTemplates() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> SOURCES.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("index.txt"))
                    .sorted()
                    .toList();
        }
        assertThat(Templates.list(""))
                .as("update src/main/resources/strato/templates/index.txt")
                .isEqualTo(onDisk);
    }

    @Test
    void scaffoldsRender() throws IOException {
        assertThat(Templates.scaffolds()).containsExactly("node-http", "python-http");
        String yml = Templates.builtIn()
                .render("init/node-http/strato.yml.ftl", Map.of("service", "shop", "runtime", "nodejs22"));
        assertThat(yml).contains("service: shop").contains("${stage}");
    }

    @Test
    void projectFilesOverrideBuiltInTemplates(@TempDir Path project) throws IOException {
        Path override = project.resolve(".strato/templates/init/node-http/README.md.ftl");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "custom ${service}");
        assertThat(Templates.forProject(project).render("init/node-http/README.md.ftl", Map.of("service", "shop")))
                .isEqualTo("custom shop");
        assertThat(Templates.forProject(project).render("init/node-http/.gitignore.ftl", Map.of("service", "shop")))
                .isNotBlank();
    }

    @Test
    void templateErrorsNameTheTemplate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Templates.builtIn().render("init/node-http/strato.yml.ftl", Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("init/node-http/strato.yml.ftl");
    }
}
