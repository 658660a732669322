package dev.strato.generator.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.model.service.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlersTest {

    @TempDir
    Path project;

    @Test
    void takesEachLanguagesHandlerApart() {
        assertThat(Handlers.script("src/orders.create")).isEqualTo(new Handlers.Script("src/orders", "create"));
        // the export is after the last dot: a dotted folder stays part of the path
        assertThat(Handlers.script("src/v1.2/app.handler")).isEqualTo(new Handlers.Script("src/v1.2/app", "handler"));
        assertThat(Handlers.java("com.acme.Orders::create"))
                .isEqualTo(new Handlers.JavaMethod("com.acme.Orders", "create"));
        assertThat(Handlers.java("com.acme.Orders::create").dotted()).isEqualTo("com.acme.Orders.create");
        assertThat(Handlers.dotnet("Orders::Acme.Orders.Function::Create"))
                .isEqualTo(new Handlers.DotnetMethod("Orders", "Acme.Orders.Function", "Create"));
    }

    @Test
    void probesNodeModulesInOrderAndDefaultsToJs() throws Exception {
        Files.createDirectories(project.resolve("src"));
        assertThat(Handlers.probe("src/a", Handlers.NODE_EXTENSIONS, project)).isEqualTo("src/a.js");
        Files.writeString(project.resolve("src/a.cjs"), "");
        assertThat(Handlers.probe("src/a", Handlers.NODE_EXTENSIONS, project)).isEqualTo("src/a.cjs");
        Files.writeString(project.resolve("src/a.mjs"), "");
        assertThat(Handlers.probe("src/a", Handlers.NODE_EXTENSIONS, project)).isEqualTo("src/a.mjs");
        Files.writeString(project.resolve("src/a.js"), "");
        assertThat(Handlers.probe("src/a", Handlers.NODE_EXTENSIONS, project)).isEqualTo("src/a.js");
        // a package's file list serves as well as the disk
        assertThat(Handlers.probe("b", Handlers.NODE_EXTENSIONS, List.of("b.mjs")::contains))
                .isEqualTo("b.mjs");
    }

    @Test
    void onlyScriptLanguagesHaveModuleExtensions() {
        assertThat(Handlers.extensions(Runtime.Language.PYTHON)).containsExactly(".py");
        assertThatThrownBy(() -> Handlers.extensions(Runtime.Language.JAVA))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identifiersAreValidInJavaScriptAndPython() {
        assertThat(Identifiers.of("create-order", Set.of())).isEqualTo("create_order");
        assertThat(Identifiers.of("9lives", Set.of())).isEqualTo("_9lives");
        assertThat(Identifiers.of("class", Set.of())).isEqualTo("class_");
        assertThat(Identifiers.of("None", Set.of())).isEqualTo("None_");
        assertThat(Identifiers.of("then", Set.of())).isEqualTo("then");
        assertThat(Identifiers.of("then", Set.of("then"))).isEqualTo("then_");
    }
}
