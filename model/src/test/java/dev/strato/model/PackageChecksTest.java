package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate refuses what packaging would: links out of the project, handlers outside it, empty or handler-less packages. */
class PackageChecksTest {

    @TempDir
    Path tmp;

    Path dir;
    Path outside;

    @BeforeEach
    void layOut() throws IOException {
        dir = Files.createDirectories(tmp.resolve("project"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.js"), "exports.main = async () => 1;");
        Files.writeString(outside.resolve("evil.js"), "exports.handler = () => require('child_process');");
    }

    private LoadResult load(String functions, String rest) {
        return Models.load(dir, "service: demo\n" + Models.PROVIDERS + rest + "functions:\n" + functions);
    }

    @Test
    void handlerPathsThatLeaveTheProjectAreErrors() {
        LoadResult r = load(
                "  a:\n    handler: ../outside/evil.handler\n  b:\n    handler: src/../../x.handler\n  c:\n    handler: src/./a.main\n",
                "");
        assertThat(Models.errors(r))
                .containsExactly(
                        "strato.yml:8:14: error: functions.a.handler: handler file ../outside/evil lies outside the project folder: a handler names a file"
                                + " under the folder of strato.yml (packages hold nothing from outside it)",
                        "strato.yml:10:14: error: functions.b.handler: handler file src/../../x lies outside the project folder: a handler names a file"
                                + " under the folder of strato.yml (packages hold nothing from outside it)");
    }

    @Test
    void aHandlerFileThatLinksOutsideIsBlamedOnTheHandler() throws IOException {
        Files.createSymbolicLink(dir.resolve("src/evil.js"), outside.resolve("evil.js"));
        LoadResult r = load("  a:\n    handler: src/a.main\n  b:\n    handler: src/evil.handler\n", "");
        String target = outside.resolve("evil.js").toString();
        String real = outside.toRealPath().resolve("evil.js").toString();
        assertThat(Models.errors(r))
                .containsExactly("strato.yml:10:14: error: functions.b.handler: symbolic link src/evil.js -> "
                        + (target.equals(real) ? target : target + " (" + real + ")")
                        + " leads outside the project folder; packaging"
                        + " refuses it (copy the files into the project, or leave the link out with package.exclude)");
    }

    @Test
    void otherLinksAreBlamedOnThePackageSpecOrTheFile() throws IOException {
        Files.createSymbolicLink(dir.resolve("src/etc"), Path.of("/etc"));
        assertThat(Models.errors(load("  a:\n    handler: src/a.main\n", "")))
                .containsExactly("strato.yml:1:1: error: package: symbolic link src/etc"
                        + " -> /etc leads outside the project folder; packaging refuses it (copy the files into the project, or leave the link out with"
                        + " package.exclude)");
        assertThat(Models.errors(load("  a:\n    handler: src/a.main\n", "package:\n  include: [src/**]\n")))
                .singleElement()
                .asString()
                .startsWith("strato.yml:7:12: error: package.include: symbolic link src/etc -> /etc");
        assertThat(Models.errors(load("  a:\n    handler: src/a.main\n", "package:\n  exclude: [src/etc]\n")))
                .isEmpty();
    }

    @Test
    void anIncludeThatSelectsNothingOrLeavesOutTheHandler() {
        assertThat(Models.errors(load("  a:\n    handler: src/a.main\n", "package:\n  include: [lib/**]\n")))
                .containsExactly(
                        "strato.yml:7:12: error: package.include: package.include selects no files in the project folder: function packages would be empty");
        assertThat(Models.errors(load(
                        "  a:\n    handler: src/a.main\n",
                        "package:\n  include: [strato.yml, src/a.js]\n  exclude: [src/*.js]\n")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("package.include selects no files"));
        try {
            Files.writeString(dir.resolve("src/b.js"), "x");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Models.errors(load("  a:\n    handler: src/a.main\n", "package:\n  exclude: [src/a.js]\n")))
                .containsExactly(
                        "strato.yml:10:14: error: functions.a.handler: handler file src/a.js is not in the package: package.exclude or the default"
                                + " excludes leave it out");
    }

    @Test
    void javaOnAzureNeedsExactlyOneJar() throws IOException {
        String java = "  j:\n    handler: com.acme.Api::handle\n    runtime: java21\n    adapter: native\n";
        assertThat(Models.errors(load(java, "")))
                .filteredOn(l -> l.contains("jar"))
                .containsExactly(
                        "strato.yml:9:14: error: functions.j.runtime: function j: Java functions on azure run from the package's jar, and the package holds"
                                + " none (build the jar first, or select it with package.include)");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/api.jar"), "jar");
        assertThat(Models.errors(load(java, "")))
                .filteredOn(l -> l.contains("jar"))
                .isEmpty();
        Files.writeString(dir.resolve("target/api-sources.jar"), "jar");
        assertThat(Models.errors(load(java, "")))
                .filteredOn(l -> l.contains("jar"))
                .singleElement()
                .asString()
                .contains(
                        "the package holds 2 (target/api-sources.jar, target/api.jar; select one with package.include)");
    }
}
