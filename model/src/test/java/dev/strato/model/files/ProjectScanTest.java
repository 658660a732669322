package dev.strato.model.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.model.service.PackageSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScanTest {

    @TempDir
    Path tmp;

    Path project;
    Path outside;

    @BeforeEach
    void layOut() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        write(project, "src/api.js", "x");
        write(outside, "secret.yml", "token: s3cr3t");
        write(outside, "etc/shadow", "root:*:");
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ProjectScan.Result scan(PackageSpec spec) throws IOException {
        return ProjectScan.scan(project, spec, List.of());
    }

    private static PackageSpec all() {
        return new PackageSpec(List.of(), List.of(), false);
    }

    @Test
    void aFileLinkOutsideIsRefusedWithItsTarget() throws IOException {
        Files.createSymbolicLink(project.resolve("src/secret.yml"), Path.of("../../outside/secret.yml"));
        ProjectScan.Result r = scan(all());
        assertThat(r.files()).containsExactly("src/api.js");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProjectScan.Kind.OUTSIDE);
            assertThat(p.message())
                    .isEqualTo("symbolic link src/secret.yml -> ../../outside/secret.yml ("
                            + outside.toRealPath().resolve("secret.yml")
                            + ") leads outside the project folder; packaging refuses it (copy the files into the project, or leave the link out with"
                            + " package.exclude)");
        });
    }

    @Test
    void aFolderLinkOutsideIsRefusedAndNotEntered() throws IOException {
        Files.createSymbolicLink(project.resolve("src/etc"), outside.resolve("etc"));
        ProjectScan.Result r = scan(all());
        assertThat(r.files()).containsExactly("src/api.js");
        assertThat(r.problems())
                .extracting(ProjectScan.Problem::path, ProjectScan.Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/etc", ProjectScan.Kind.OUTSIDE));
    }

    @Test
    void aLinkToTheRootOrAboveIsRefused() throws IOException {
        Files.createSymbolicLink(project.resolve("root"), Path.of("/"));
        Files.createSymbolicLink(project.resolve("up"), Path.of(".."));
        assertThat(scan(all()).problems()).extracting(ProjectScan.Problem::path).containsExactly("root", "up");
    }

    @Test
    void loopsAreReportedNotFollowed() throws IOException {
        Files.createSymbolicLink(project.resolve("src/self"), Path.of("."));
        Files.createSymbolicLink(project.resolve("src/parent"), Path.of(".."));
        Files.createSymbolicLink(project.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(project.resolve("b"), Path.of("a"));
        ProjectScan.Result r = scan(all());
        assertThat(r.files()).containsExactly("src/api.js");
        assertThat(r.problems())
                .extracting(ProjectScan.Problem::path, ProjectScan.Problem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", ProjectScan.Kind.LOOP),
                        org.assertj.core.groups.Tuple.tuple("b", ProjectScan.Kind.LOOP),
                        org.assertj.core.groups.Tuple.tuple("src/parent", ProjectScan.Kind.LOOP),
                        org.assertj.core.groups.Tuple.tuple("src/self", ProjectScan.Kind.LOOP));
    }

    @Test
    void danglingLinksAreReported() throws IOException {
        Files.createSymbolicLink(project.resolve("src/gone.js"), Path.of("nowhere.js"));
        assertThat(scan(all()).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo("symbolic link src/gone.js -> nowhere.js points to nothing; packaging refuses it"));
    }

    @Test
    void linksInsideTheProjectArePackagedAsWhatTheyPointTo() throws IOException {
        write(project, "lib/util.js", "u");
        Files.createSymbolicLink(project.resolve("src/util.js"), Path.of("../lib/util.js"));
        Files.createSymbolicLink(project.resolve("src/lib"), Path.of("../lib"));
        ProjectScan.Result r = scan(all());
        assertThat(r.problems()).isEmpty();
        assertThat(r.files()).containsExactly("lib/util.js", "src/api.js", "src/lib/util.js", "src/util.js");
    }

    @Test
    void excludedOrUnselectedLinksAreNotJudged() throws IOException {
        Files.createSymbolicLink(project.resolve("src/secret.yml"), outside.resolve("secret.yml"));
        Files.createDirectories(project.resolve("docs"));
        Files.createSymbolicLink(project.resolve("docs/etc"), outside.resolve("etc"));
        assertThat(scan(new PackageSpec(List.of("src/*.js"), List.of(), false)).problems())
                .as("a file link that is not selected")
                .extracting(ProjectScan.Problem::path)
                .containsExactly("docs/etc");
        assertThat(scan(new PackageSpec(List.of(), List.of("docs", "src/secret.yml"), false))
                        .problems())
                .isEmpty();
    }

    @Test
    void defaultExcludesNeverEnterAPackage() throws IOException {
        for (String f : List.of(
                "strato.yml",
                ".strato/templates/x.ftl",
                ".strato/generated/aws/t.yaml",
                ".git/HEAD",
                "lib/.git/HEAD",
                ".hg/store",
                ".svn/entries",
                ".env",
                ".env.production",
                "src/.env",
                "src/.env.local",
                ".DS_Store",
                "src/__pycache__/a.pyc",
                "node_modules/.cache/x")) {
            write(project, f, "x");
        }
        write(project, "src/environment.js", "kept");
        write(project, ".envrc.js", "kept");
        assertThat(scan(all()).files()).containsExactly(".envrc.js", "src/api.js", "src/environment.js");
        // whatever package.include says
        assertThat(scan(new PackageSpec(List.of("**"), List.of(), false)).files())
                .containsExactly(".envrc.js", "src/api.js", "src/environment.js");
        assertThat(scan(new PackageSpec(List.of("strato.yml", ".env", ".git/**"), List.of(), false))
                        .files())
                .isEmpty();
    }

    @Test
    void theOutputFolderIsSkipped() throws IOException {
        write(project, "build/aws/template.yaml", "old");
        assertThat(ProjectScan.scan(project, all(), List.of(project.resolve("build")))
                        .files())
                .containsExactly("src/api.js");
    }

    @Test
    void readRefusesAFileThatLeftTheProjectSinceTheScan() throws IOException {
        assertThat(ProjectScan.scan(project, all(), List.of()).files()).containsExactly("src/api.js");
        Files.delete(project.resolve("src/api.js"));
        Files.createSymbolicLink(project.resolve("src/api.js"), outside.resolve("secret.yml"));
        assertThatThrownBy(() -> ProjectScan.read(project, "src/api.js"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside the project folder");
    }

    @Test
    void specialFilesAreNeverSelected() throws Exception {
        Process p = new ProcessBuilder("mkfifo", project.resolve("src/pipe").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        assertThat(scan(all()).files()).containsExactly("src/api.js");
    }
}
