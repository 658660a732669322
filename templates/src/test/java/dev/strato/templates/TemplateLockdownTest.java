package dev.strato.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's template overrides are code from a checkout nobody may have reviewed: the known
 * FreeMarker escapes must fail, and must not have run (each payload would create a marker file).
 */
class TemplateLockdownTest {

    private static final String NAME = "generate/aws/aws-entry.mjs.ftl";

    @TempDir
    Path project;

    private Path marker() {
        return project.resolve("pwned");
    }

    private String render(String template) throws IOException {
        Path override = project.resolve(Templates.OVERRIDE_DIR).resolve(NAME);
        Files.createDirectories(override.getParent());
        Files.writeString(override, template.replace("MARKER", marker().toString()));
        return Templates.forProject(project)
                .render(
                        NAME,
                        Map.of(
                                "stage",
                                "dev",
                                "functions",
                                List.of(Map.of("name", "api", "handler", "src/api.handler")),
                                "service",
                                "shop"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the classic shell escape
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch MARKER\")}",
                // any Java constructor, hence any class
                "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.io.File\", \"MARKER\").createNewFile()?c}",
                "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>${oc(\"java.lang.ProcessBuilder\", [\"touch\", \"MARKER\"]).start()}",
                // Jython, where the jar is on the class path
                "<#assign jr = \"freemarker.template.utility.JythonRuntime\"?new()><@jr>open('MARKER', 'w')</@jr>",
                // a TemplateModel class that is not one of the utilities
                "<#assign x = \"freemarker.template.SimpleHash\"?new()>${x?size}",
                // the Java API of exposed objects: class, class loader, protection domain
                "${functions?api.getClass().getClassLoader()}",
                "${functions[0]?api.getClass().forName(\"java.lang.Runtime\")}",
                "<#assign cl = functions?api.class.protectionDomain.classLoader>${cl}",
                "${stage?api.getClass()}",
                // ?eval / ?interpret run under the same configuration
                "<#assign t = r\"${'freemarker.template.utility.Execute'?new()('touch MARKER')}\"?interpret><@t/>",
                "${\"'freemarker.template.utility.Execute'?new()('touch MARKER')\"?eval}",
                // reading files outside the override folder
                "<#include \"../../../../../../../../etc/passwd\">",
                "<#include \"/../../../../../../../etc/passwd\">",
            })
    void knownEscapesFailWithoutRunningAnything(String payload) {
        assertThatThrownBy(() -> render(payload)).isInstanceOf(IOException.class);
        assertThat(marker()).doesNotExist();
    }

    @Test
    void exposedValuesHaveNoJavaMethods() throws IOException {
        // a map's keys are its only sub-values: getClass is just a missing key, not a method call
        assertThatThrownBy(() -> render("${functions[0].getClass()}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> render("${functions[0].class}")).isInstanceOf(IOException.class);
        assertThat(render("${functions[0].class!\"none\"}")).isEqualTo("none");
        assertThat(render("<#list functions as f>${f.name}</#list>")).isEqualTo("api");
    }

    @Test
    void objectsOtherThanPlainDataAreNotWrapped() {
        assertThatThrownBy(() -> Templates.builtIn()
                        .render("init/node-http/README.md.ftl", Map.of("service", new java.io.File("/etc/passwd"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("won't wrap");
    }

    @Test
    void anOverrideThatLinksOutsideTheOverrideFolderIsNotRead() throws IOException {
        Path outside = Files.createTempFile("secret", ".ftl");
        try {
            Files.writeString(outside, "SECRET");
            Path link = project.resolve(Templates.OVERRIDE_DIR).resolve(NAME);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, outside);
            assertThatThrownBy(() ->
                            Templates.forProject(project).render(NAME, Map.of("stage", "dev", "functions", List.of())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("leads outside .strato/templates");
            assertThatThrownBy(() -> Templates.forProject(project).raw(NAME))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("leads outside .strato/templates");
        } finally {
            Files.delete(outside);
        }
    }
}
