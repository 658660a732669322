package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.files.Glob;
import dev.strato.model.service.PackageSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project boundary, end to end on all three providers: every example and random models, each
 * in a project salted with what must never be packaged (strato.yml, .strato/, VCS folders, .env
 * files, an earlier output folder) and, in a second run, with a link out of the project. Every
 * package (zip or folder) holds only regular project files that are not default-excluded, plus
 * strato's own generated files; a link that leaves the project stops generate with exit 3.
 */
class PackageBoundaryTest {

    private static final List<String> SALT = List.of(
            ".env",
            ".env.production",
            "src/.env.local",
            ".git/HEAD",
            ".git/config",
            "lib/.git/HEAD",
            ".hg/hgrc",
            ".svn/entries",
            ".strato/templates/README.md",
            ".strato/state.json",
            "out/aws/template.yaml",
            ".DS_Store");
    /** Folders in packages that strato writes itself (adapters, entries, Azure's function.json folders, host.json). */
    private static final List<String> GENERATED =
            List.of("strato/", "strato_adapter/", "host.json", "index.js", "main.py");
    /** The examples from cli/ (surefire) or the repository root (an IDE). */
    private static final Path EXAMPLES = Files.isDirectory(Path.of("../examples"))
            ? Path.of("../examples").toAbsolutePath().normalize()
            : Path.of("examples").toAbsolutePath();

    private static final List<Glob> EXCLUDED = Glob.all(PackageSpec.DEFAULT_EXCLUDE);

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyExampleOnEveryProvider() {
        List<String> names;
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            names = dirs.filter(d -> Files.isRegularFile(d.resolve("strato.yml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(names).isNotEmpty();
        return names.stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Path project = tmp.resolve(name).resolve("project");
                    copy(EXAMPLES.resolve(name), project);
                    check(name, project);
                }));
    }

    @TestFactory
    Stream<DynamicTest> randomModelsOnEveryProvider() {
        long base = Long.getLong("strato.boundary.seed", 20261208L);
        return Stream.iterate(0, i -> i + 1).limit(12).map(i -> {
            long seed = base + i;
            return DynamicTest.dynamicTest("seed " + seed, () -> {
                Path project = tmp.resolve("random-" + seed).resolve("project");
                randomProject(new Random(seed), project);
                check("seed " + seed, project);
            });
        });
    }

    private void check(String name, Path project) throws IOException {
        for (String s : SALT) write(project, s, "must not be packaged\n");
        CliRunner.Result first = new CliRunner(project).run("generate", "-o", "out");
        assertThat(first.exitCode()).as(name + "\n" + first).isZero();
        List<Path> packages = packagesUnder(project.resolve("out"));
        assertThat(packages).as(name + ": packages generated").isNotEmpty();
        for (Path zip : packages) {
            for (String entry : zipEntries(zip)) assertPackaged(name + ": " + project.relativize(zip), entry, project);
        }
        Path appDir = project.resolve("out/azure/app");
        if (Files.isDirectory(appDir)) {
            try (Stream<Path> files = Files.walk(appDir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertPackaged(
                            name + ": azure app folder",
                            appDir.relativize(f).toString().replace('\\', '/'),
                            project);
                }
            }
        }

        // the same project with a link out of it: refused, with its path and target, nothing written
        Path outside = Files.createDirectories(project.resolveSibling("outside"));
        write(outside, "shadow", "root:*:\n");
        Files.createSymbolicLink(project.resolve("etc"), outside);
        CliRunner.Result linked = new CliRunner(project).run("generate", "-o", "out2");
        assertThat(linked.exitCode()).as(name + "\n" + linked).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(linked.err())
                .as(name)
                .contains("symbolic link etc -> " + outside)
                .contains("leads outside the project folder");
        assertThat(project.resolve("out2")).doesNotExist();
        CliRunner.Result validate = new CliRunner(project).run("validate");
        assertThat(validate.exitCode()).as(name + "\n" + validate).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(validate.err())
                .as(name)
                .containsPattern("strato\\.yml:\\d+:\\d+: error: package(\\.include)?: symbolic link etc -> ");
    }

    private static void assertPackaged(String where, String entry, Path project) throws IOException {
        assertThat(entry)
                .as(where + ": entry " + entry + " is relative and stays inside")
                .doesNotStartWith("/")
                .doesNotContain("..")
                .doesNotContain("\\");
        if (GENERATED.stream().anyMatch(entry::startsWith) || entry.endsWith("/function.json")) return;
        assertThat(Glob.any(EXCLUDED, entry))
                .as(where + ": " + entry + " is default-excluded")
                .isFalse();
        Path file = project.resolve(entry);
        assertThat(Files.isRegularFile(file))
                .as(where + ": " + entry + " is a regular file of the project")
                .isTrue();
        assertThat(file.toRealPath())
                .as(where + ": " + entry + " lies inside the project")
                .startsWith(project.toRealPath());
    }

    private static List<Path> packagesUnder(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
    }

    /** Entry names; fails on a link entry (unix mode S_IFLNK) or a duplicate. */
    private static List<String> zipEntries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(Files.readAllBytes(zip)))
                .get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(z.getEntries())) {
                assertThat(e.isUnixSymlink())
                        .as(zip + ": " + e.getName() + " is a link")
                        .isFalse();
                names.add(e.getName());
            }
        }
        assertThat(names).as(zip + " has no duplicate entries").doesNotHaveDuplicates();
        return names;
    }

    private static void randomProject(Random r, Path project) throws IOException {
        String[] runtimes = {"nodejs22", "python3.12"};
        StringBuilder y = new StringBuilder("service: rnd" + r.nextInt(1000)
                + "\nproviders:\n  aws: { region: us-east-1 }\n  azure: { location: westeurope }\n"
                + "  gcp: { project: acme-rnd, region: europe-west1 }\n");
        String runtime = runtimes[r.nextInt(runtimes.length)];
        y.append("runtime: ").append(runtime).append('\n');
        boolean python = runtime.startsWith("python");
        int n = 1 + r.nextInt(3);
        if (r.nextBoolean())
            y.append("package:\n  individually: ")
                    .append(r.nextBoolean())
                    .append('\n')
                    .append(r.nextBoolean() ? "  include: [\"src/**\", \"lib/**\", \"**\"]\n" : "")
                    .append("  exclude: [\"**/*.md\"]\n");
        y.append("functions:\n");
        for (int i = 0; i < n; i++) {
            String dir = r.nextBoolean() ? "src" : "src/f" + i;
            y.append("  f")
                    .append(i)
                    .append(":\n    handler: ")
                    .append(dir)
                    .append("/h")
                    .append(i)
                    .append(".main\n");
            if (i == 0 || r.nextBoolean())
                y.append("    events: [ { http: \"GET /f").append(i).append("\" } ]\n");
            write(
                    project,
                    dir + "/h" + i + (python ? ".py" : ".js"),
                    python ? "def main(event, ctx):\n    return 1\n" : "exports.main = async () => 1;\n");
        }
        for (int i = 0; i < r.nextInt(5); i++) write(project, "lib/x" + i + "/README.md", "doc " + i + "\n");
        if (r.nextBoolean()) write(project, "lib/util" + (python ? ".py" : ".js"), "x = 1\n");
        if (r.nextBoolean())
            Files.createSymbolicLink(
                    Files.createDirectories(project.resolve("src")).resolve("inside-link"), Path.of("../lib"));
        write(project, "strato.yml", y.toString());
    }

    private static void write(Path root, String path, String content) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dst);
                else Files.copy(p, dst);
            }
        }
    }
}
