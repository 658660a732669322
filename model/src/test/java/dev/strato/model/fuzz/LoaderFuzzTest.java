package dev.strato.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing of loader + resolver + validator, without Jazzer (com.code-intelligence:jazzer-junit
 * does not resolve on this build's Maven mirror): a seeded generator, bounded in time, over two
 * targets: byte mutations of every seed (the invalid corpus, the examples, the files in
 * {@code src/test/resources/fuzz/}), and structure-aware YAML built from strato's own keys,
 * values of every type and variables. Each input must give diagnostics or a model, never an
 * uncaught exception; an error must have a line and column. A failing input is written to
 * {@code target/fuzz-crashes/} (add it to the corpus once fixed) and its seed printed.
 *
 * <p>{@code -Dstrato.fuzz.seconds=N} (default 10, at most 60 in verify) bounds each target;
 * {@code -Dstrato.fuzz.seed=S} replays a run.
 */
class LoaderFuzzTest {

    private static final long SECONDS = Math.min(60, Long.getLong("strato.fuzz.seconds", 10));
    private static final long SEED = Long.getLong("strato.fuzz.seed", System.nanoTime());
    private static final Path CRASHES = Path.of("target/fuzz-crashes");
    private static final LoadOptions OPTIONS = new LoadOptions(
            null, Map.of("region", "eu"), Map.of("HOME", "/home/x"), List.of(), LocalDate.of(2026, 11, 27));

    @TempDir
    Path tmp;

    /** Seed inputs: the corpus (from the cli module), the examples and this module's fuzz seeds. */
    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path dir : List.of(
                Path.of("../cli/src/test/resources/invalid"),
                Path.of("../examples"),
                Path.of("src/test/resources/fuzz"))) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yml"))
                        .sorted()
                        .toList()) {
                    if (Files.size(f) < 200_000) seeds.add(Files.readAllBytes(f));
                }
            }
        }
        assertThat(seeds).as("fuzz seeds").hasSizeGreaterThan(50);
        return seeds;
    }

    @Test
    void corpusReplaysAndByteMutationsNeverCrash() throws IOException {
        List<byte[]> seeds = seeds();
        Random r = new Random(SEED);
        Stats stats = new Stats("bytes");
        for (byte[] s : seeds) run(s, stats); // replay first
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            byte[] input = Mutator.mutate(r, seeds.get(r.nextInt(seeds.size())), seeds.get(r.nextInt(seeds.size())));
            run(input, stats);
        }
        stats.report();
        assertThat(stats.crashes)
                .as("crashing inputs (written to " + CRASHES.toAbsolutePath() + ", seed " + SEED + ")")
                .isEmpty();
    }

    @Test
    void structureAwareYamlNeverCrashes() throws IOException {
        Random r = new Random(SEED ^ 0x5DEECE66DL);
        Stats stats = new Stats("structure");
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) run(YamlGen.document(r).getBytes(StandardCharsets.UTF_8), stats);
        stats.report();
        assertThat(stats.crashes)
                .as("crashing inputs (written to " + CRASHES.toAbsolutePath() + ", seed " + SEED + ")")
                .isEmpty();
    }

    private void run(byte[] input, Stats stats) throws IOException {
        Path dir = tmp.resolve("p");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/api.js"), "exports.main = async () => 1;\n");
        Files.writeString(dir.resolve("values.yml"), "a: 1\nb: { c: text }\n");
        Path file = dir.resolve("strato.yml");
        Files.write(file, input);
        stats.executions++;
        try {
            LoadResult r = ModelLoader.load(file, "strato.yml", OPTIONS);
            if (r.isValid()) stats.valid++;
            for (Diagnostic d : r.diagnostics().sorted()) {
                if (d.isError() && d.position().line() < 1) {
                    stats.positionless.add(d.format());
                    Files.createDirectories(CRASHES);
                    Files.write(
                            CRASHES.resolve("positionless-" + stats.target + "-" + stats.executions + ".yml"), input);
                }
            }
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            stats.crashes.add(trace.toString()
                    .lines()
                    .limit(8)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse(""));
            Files.createDirectories(CRASHES);
            Files.write(CRASHES.resolve(stats.target + "-" + SEED + "-" + stats.executions + ".yml"), input);
        }
    }

    static final class Stats {
        final String target;
        long executions;
        long valid;
        final List<String> crashes = new ArrayList<>();
        final List<String> positionless = new ArrayList<>();

        Stats(String target) {
            this.target = target;
        }

        void report() {
            System.out.println("fuzz " + target + ": seed " + SEED + ", " + executions + " executions in <= " + SECONDS
                    + " s, " + valid + " valid, "
                    + crashes.size() + " crashes, " + positionless.size() + " errors without a position"
                    + positionless.stream()
                            .distinct()
                            .limit(3)
                            .map(p -> "\n  " + p)
                            .reduce("", String::concat));
        }
    }
}
