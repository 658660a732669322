package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invalid-input corpus: every folder under {@code src/test/resources/invalid/} is one broken
 * project. Each must make {@code validate}, {@code generate} and {@code print} exit 3, print
 * exactly the diagnostics of its {@code expected.txt} and generate nothing.
 *
 * <p>A case folder holds {@code strato.yml} and whatever files it reads, plus these control
 * files, which are not copied into the project:
 * <ul>
 *   <li>{@code expected.txt}: the diagnostic lines on stderr, without the final {@code ✗} summary.
 *       {@code <project>} and {@code <outside>} stand for the absolute paths of the project copy and
 *       of the outside folder;</li>
 *   <li>{@code env}: {@code NAME=VALUE} lines, the environment of the run (besides what
 *       {@link CliRunner} sets);</li>
 *   <li>{@code args}: extra command-line arguments, one per line;</li>
 *   <li>{@code symlinks}: {@code LINK TARGET} lines; the test creates these symbolic links in the
 *       project (git keeps symlinks poorly on some systems);</li>
 *   <li>{@code pad-to-bytes}: a size; the test pads {@code strato.yml} with comment lines to exactly
 *       that many bytes (so that a file over 5 MB need not be committed);</li>
 *   <li>{@code structural}: empty marker: the JSON Schema must reject this file too (see SchemaTest).</li>
 * </ul>
 * A sub-folder {@code outside/} is copied next to the project, not into it, for cases that try to
 * read files outside the project folder.
 *
 * <p>Run with {@code -Dstrato.golden.update=true} to rewrite each {@code expected.txt} from the
 * actual output instead of comparing (review such rewrites like code).
 */
class InvalidCorpusTest {

    static final Set<String> CONTROL_FILES =
            Set.of("expected.txt", "env", "args", "symlinks", "pad-to-bytes", "structural");
    static final String OUTSIDE = "outside";
    private static final boolean UPDATE = Boolean.getBoolean("strato.golden.update");

    @TempDir
    Path tmp;

    /** The corpus in the source tree (surefire runs in cli/, an IDE may run in the repository root). */
    static Path corpus() {
        for (Path p : List.of(Path.of("src/test/resources/invalid"), Path.of("cli/src/test/resources/invalid"))) {
            if (Files.isDirectory(p)) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("corpus folder src/test/resources/invalid not found from "
                + Path.of("").toAbsolutePath());
    }

    static List<Path> cases() {
        try (Stream<Path> s = Files.list(corpus())) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generous bound per case (three CLI runs): not a timing assertion, a guard against a case
     * that hangs or blows up (a quadratic parse, an exponential variable), which would otherwise
     * stall the build instead of failing it.
     */
    static final java.time.Duration CASE_BOUND = java.time.Duration.ofSeconds(60);

    @Test
    void corpusHasAtLeast250Cases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(250);
        for (Path c : cases()) {
            assertThat(c.resolve("strato.yml"))
                    .as(c.getFileName() + " has a strato.yml")
                    .exists();
            assertThat(c.resolve("expected.txt"))
                    .as(c.getFileName() + " has an expected.txt")
                    .exists();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsRejected() {
        return cases().stream()
                .map(c -> DynamicTest.dynamicTest(
                        c.getFileName().toString(),
                        () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                                CASE_BOUND, () -> check(c), c.getFileName() + " took longer than " + CASE_BOUND)));
    }

    private void check(Path caseDir) throws IOException {
        String name = caseDir.getFileName().toString();
        Path root = tmp.resolve(name);
        Path project = root.resolve("project");
        Path outside = root.resolve(OUTSIDE);
        layOut(caseDir, project, outside);
        List<String> extra = lines(caseDir.resolve("args"));

        CliRunner.Result validate = runner(caseDir, project).run(command("validate", extra));
        List<String> actual = diagnostics(name, validate, project, outside);
        Path expectedFile = caseDir.resolve("expected.txt");
        if (UPDATE) {
            Files.writeString(
                    expectedFile, actual.isEmpty() ? "" : String.join("\n", actual) + "\n", StandardCharsets.UTF_8);
        } else {
            assertThat(actual)
                    .as(name + ": diagnostics of validate\n" + validate)
                    .containsExactlyElementsOf(lines(expectedFile));
        }
        assertThat(validate.exitCode())
                .as(name + ": exit code of validate\n" + validate)
                .isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(validate.out()).as(name + ": stdout of validate").isEmpty();

        List<String> generateArgs = new ArrayList<>(extra);
        generateArgs.addAll(List.of("-o", "out"));
        CliRunner.Result generate = runner(caseDir, project).run(command("generate", generateArgs));
        assertThat(generate.exitCode())
                .as(name + ": exit code of generate\n" + generate)
                .isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(diagnostics(name, generate, project, outside))
                .as(name + ": diagnostics of generate")
                .isEqualTo(actual);
        assertThat(project.resolve("out"))
                .as(name + ": generate must write nothing")
                .doesNotExist();

        CliRunner.Result print = runner(caseDir, project).run(command("print", extra));
        assertThat(print.exitCode()).as(name + ": exit code of print\n" + print).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(print.out()).as(name + ": print must print no model").isEmpty();
        assertThat(diagnostics(name, print, project, outside))
                .as(name + ": diagnostics of print")
                .isEqualTo(actual);
    }

    private static String[] command(String name, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(name, "-c", "strato.yml"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    private static CliRunner runner(Path caseDir, Path project) throws IOException {
        CliRunner runner = new CliRunner(project);
        for (String line : lines(caseDir.resolve("env"))) {
            int eq = line.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException(caseDir.getFileName() + "/env: not NAME=VALUE: " + line);
            runner.env(line.substring(0, eq), line.substring(eq + 1));
        }
        return runner;
    }

    /** stderr lines up to the final summary line, with temporary paths replaced by placeholders. */
    private static List<String> diagnostics(String name, CliRunner.Result result, Path project, Path outside)
            throws IOException {
        List<String> out = new ArrayList<>(Arrays.asList(result.err().split("\r?\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        assertThat(out)
                .as(name + ": stderr ends with a summary line\n" + result)
                .isNotEmpty();
        assertThat(out.get(out.size() - 1))
                .as(name + ": stderr ends with a summary line\n" + result)
                .startsWith("✗ ");
        out.remove(out.size() - 1);
        List<String[]> replacements = new ArrayList<>();
        replacements.add(new String[] {project.toRealPath().toString(), "<project>"});
        replacements.add(new String[] {project.toAbsolutePath().toString(), "<project>"});
        if (Files.exists(outside)) {
            replacements.add(new String[] {outside.toRealPath().toString(), "<outside>"});
            replacements.add(new String[] {outside.toAbsolutePath().toString(), "<outside>"});
        }
        return out.stream()
                .map(line -> {
                    String l = line;
                    for (String[] r : replacements) l = l.replace(r[0], r[1]);
                    return l;
                })
                .toList();
    }

    /** Copies the case into {@code project} (and its {@code outside/} beside it), then makes links and padding. */
    static void layOut(Path caseDir, Path project, Path outside) throws IOException {
        Files.createDirectories(project);
        try (Stream<Path> files = Files.walk(caseDir)) {
            for (Path src : files.sorted().toList()) {
                Path rel = caseDir.relativize(src);
                if (rel.toString().isEmpty() || CONTROL_FILES.contains(rel.toString())) continue;
                Path dst;
                if (rel.getName(0).toString().equals(OUTSIDE)) {
                    dst = rel.getNameCount() == 1
                            ? outside
                            : outside.resolve(rel.subpath(1, rel.getNameCount()).toString());
                } else {
                    dst = project.resolve(rel.toString());
                }
                if (Files.isDirectory(src)) Files.createDirectories(dst);
                else Files.copy(src, dst);
            }
        }
        for (String line : lines(caseDir.resolve("symlinks"))) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2)
                throw new IllegalArgumentException(caseDir.getFileName() + "/symlinks: not LINK TARGET: " + line);
            Path link = project.resolve(parts[0]);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(parts[1]));
        }
        List<String> pad = lines(caseDir.resolve("pad-to-bytes"));
        if (!pad.isEmpty())
            padTo(project.resolve("strato.yml"), Long.parseLong(pad.get(0).trim()));
    }

    /** Appends YAML comment lines until the file is exactly {@code size} bytes. */
    static void padTo(Path file, long size) throws IOException {
        long have = Files.size(file);
        if (have > size) throw new IllegalArgumentException(file + " is already larger than " + size);
        StringBuilder b = new StringBuilder();
        String line = "# padding " + "x".repeat(69) + "\n"; // 80 bytes
        long remaining = size - have;
        while (remaining > 2 * line.length()) {
            b.append(line);
            remaining -= line.length();
        }
        if (remaining >= 2)
            b.append('#').append("x".repeat((int) remaining - 2)).append('\n');
        else if (remaining == 1) b.append('\n');
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertThat(Files.size(file)).isEqualTo(size);
    }

    /** Non-blank lines of a control file, or none when it does not exist. */
    static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) return List.of();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !(file.getFileName().toString().equals("env") && l.startsWith("#")))
                .toList();
    }
}
