package dev.strato.generator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.Function;
import dev.strato.model.service.PackageSpec;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerTest {

    @TempDir
    Path project;

    @BeforeEach
    void sources() throws IOException {
        write("src/orders.js", "exports.create = async () => ({});\n");
        write("src/lib/store.js", "module.exports = {};\n");
        write("src/orders.test.js", "test\n");
        write("package.json", "{}\n");
        write("README.md", "readme\n");
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".strato/generated/aws/template.yaml", "old output\n");
        write("node_modules/.cache/x", "cache\n");
        write("bin/tool", "#!/bin/sh\n");
        Files.setPosixFilePermissions(project.resolve("bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Function function(String name) {
        return new Function(
                name,
                "src/orders.create",
                null,
                Runtime.NODEJS22,
                Adapter.PORTABLE,
                1024,
                Duration.ofSeconds(10),
                Map.of(),
                false,
                30,
                false,
                Map.of(),
                Architecture.ARM64,
                2,
                null,
                List.of(),
                Map.of());
    }

    private static Service service(PackageSpec spec, String... functions) {
        Map<String, Function> map = new LinkedHashMap<>();
        for (String f : functions) map.put(f, function(f));
        return new Service(
                "orders",
                null,
                "dev",
                Runtime.NODEJS22,
                Adapter.PORTABLE,
                new Providers(new Providers.Aws("us-east-1", null, null), null, null),
                spec,
                map,
                Map.of());
    }

    private Packages build(PackageSpec spec, String... functions) throws GenerationException {
        return Packager.build(new GenerationContext(service(spec, functions), project));
    }

    @Test
    void includeAndExcludeGlobsWithDefaultExcludes() throws GenerationException {
        Artifact a = build(new PackageSpec(List.of("src/**", "package.json"), List.of("**/*.test.js"), true), "create")
                .of("create");
        assertThat(a.entries()).containsExactly("package.json", "src/lib/store.js", "src/orders.js");
        Artifact all =
                build(new PackageSpec(List.of(), List.of(), true), "create").of("create");
        assertThat(all.entries())
                .containsExactly(
                        "README.md",
                        "bin/tool",
                        "package.json",
                        "src/lib/store.js",
                        "src/orders.js",
                        "src/orders.test.js");
    }

    @Test
    void theOutputFolderIsLeftOutWhenItIsInsideTheProject() throws IOException, GenerationException {
        write("out/aws/artifacts/create-0123.zip", "zip");
        Service s = service(new PackageSpec(List.of(), List.of(), true), "create");
        Artifact a = Packager.build(new GenerationContext(s, project, project.resolve("out")))
                .of("create");
        assertThat(a.entries()).noneMatch(e -> e.startsWith("out/"));
    }

    @Test
    void sameSourcesGiveIdenticalBytesWhateverTheirTimestamps() throws IOException, GenerationException {
        PackageSpec spec = new PackageSpec(List.of("src/**", "package.json", "bin/**"), List.of(), true);
        Artifact first = build(spec, "create").of("create");
        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
            }
        }
        Artifact second = build(spec, "create").of("create");
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.fileName()).isEqualTo(first.fileName()).matches("create-[0-9a-f]{12}\\.zip");
        assertThat(first.sha256())
                .isEqualTo(Packager.sha256(first.bytes()))
                .startsWith(first.fileName().substring(7, 19));

        write("src/orders.js", "exports.create = async () => ({ changed: true });\n");
        assertThat(build(spec, "create").of("create").sha256()).isNotEqualTo(first.sha256());
    }

    @Test
    void zipsAreReadableWithFixedTimesAndNormalizedModes() throws IOException, GenerationException {
        Artifact a = build(new PackageSpec(List.of("src/**", "bin/**"), List.of(), true), "create")
                .of("create");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(a.bytes()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).isEqualTo("1980-01-01T00:00");
                if (e.getName().equals("src/orders.js")) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("exports.create = async () => ({});\n");
                }
            }
        }
        assertThat(names).containsExactly("bin/tool", "src/lib/store.js", "src/orders.js", "src/orders.test.js");
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(a.bytes()))
                .get()) {
            Map<String, Integer> modes = new LinkedHashMap<>();
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries()))
                modes.put(e.getName(), e.getUnixMode());
            assertThat(modes).containsEntry("bin/tool", 0100755).containsEntry("src/orders.js", 0100644);
        }
    }

    @Test
    void oneSharedPackageOrOnePerFunction() throws GenerationException {
        PackageSpec shared = new PackageSpec(List.of("src/**"), List.of(), false);
        Packages p = build(shared, "create", "get");
        assertThat(p.distinct()).hasSize(1);
        assertThat(p.of("create")).isSameAs(p.of("get"));
        assertThat(p.of("get").fileName()).startsWith("orders-");
        Packages each = build(new PackageSpec(List.of("src/**"), List.of(), true), "create", "get");
        assertThat(each.distinct())
                .extracting(Artifact::fileName)
                .hasSize(2)
                .allMatch(n -> n.startsWith("create-") || n.startsWith("get-"));
    }

    @Test
    void extraFilesGoIntoTheirFunctionsPackageOnly() throws GenerationException {
        Service s = service(new PackageSpec(List.of("src/**"), List.of(), true), "create", "get");
        Packages p = Packager.build(
                new GenerationContext(s, project),
                f -> f.name().equals("get")
                        ? Map.of("strato/adapter.js", "adapter".getBytes(StandardCharsets.UTF_8))
                        : Map.of());
        assertThat(p.of("get").entries()).contains("strato/adapter.js");
        assertThat(p.of("create").entries()).doesNotContain("strato/adapter.js");
    }

    @Test
    void nothingSelectedIsAnError() {
        assertThatThrownBy(() -> build(new PackageSpec(List.of("lib/**"), List.of(), true), "create"))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("selects no files");
    }

    @Test
    void linksOutOfTheProjectAreRefusedEvenWithoutValidation() throws IOException {
        Path outside = Files.createTempDirectory("outside");
        try {
            Files.writeString(outside.resolve("shadow"), "root:*:");
            Files.createSymbolicLink(project.resolve("src/etc"), outside);
            assertThatThrownBy(() -> build(new PackageSpec(List.of(), List.of(), true), "create"))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("symbolic link src/etc -> " + outside)
                    .hasMessageContaining("leads outside the project folder");
            Files.delete(project.resolve("src/etc"));
            Files.createSymbolicLink(project.resolve("src/loop"), Path.of(".."));
            assertThatThrownBy(() -> build(new PackageSpec(List.of(), List.of(), true), "create"))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("symbolic link src/loop -> .. ")
                    .hasMessageContaining("makes a loop");
        } finally {
            Files.deleteIfExists(outside.resolve("shadow"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void defaultExcludesStayOutWhateverIncludeSays() throws IOException, GenerationException {
        write("strato.yml", "service: orders\n");
        write(".env", "TOKEN=x\n");
        write("src/.env.local", "TOKEN=y\n");
        write(".hg/store/data", "x\n");
        for (PackageSpec spec :
                List.of(new PackageSpec(List.of(), List.of(), true), new PackageSpec(List.of("**"), List.of(), true))) {
            assertThat(build(spec, "create").of("create").entries())
                    .containsExactly(
                            "README.md",
                            "bin/tool",
                            "package.json",
                            "src/lib/store.js",
                            "src/orders.js",
                            "src/orders.test.js");
        }
    }
}
