package dev.strato.cli;

import dev.strato.insight.graph.Dot;
import dev.strato.insight.graph.Graph;
import dev.strato.insight.graph.GraphBuilder;
import dev.strato.insight.graph.Mermaid;
import dev.strato.model.LoadResult;
import dev.strato.model.providers.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "graph",
        description =
                "The service as a picture: functions, triggers, resources, permissions, dead letters. Mermaid (default), DOT or SVG.")
final class GraphCommand extends ModelCommand {

    enum Format {
        mermaid,
        dot,
        svg
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "mermaid (default), dot, or svg (runs Graphviz 'dot' from PATH).")
    Format format = Format.mermaid;

    GraphCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) throws IOException, InterruptedException {
        if (!session.reportValid(result, "; no graph drawn")) return ExitCodes.INVALID_MODEL;
        List<Provider> chosen = global.providers();
        if (chosen.size() > 1)
            throw CommandException.usage(
                    "graph labels nodes for one provider: use --provider aws, azure or gcp, or leave it out");
        Graph graph = GraphBuilder.build(result.service().orElseThrow(), chosen.isEmpty() ? null : chosen.get(0));
        Console c = session.console();
        switch (format) {
            case dot -> c.out().print(Dot.render(graph));
            case svg -> c.out().print(svg(Dot.render(graph)));
            default -> c.out().print(Mermaid.render(graph));
        }
        c.out().flush();
        return ExitCodes.OK;
    }

    /** Runs {@code dot -Tsvg} found on PATH; a clear failure when Graphviz is not installed. */
    private String svg(String dot) throws IOException, InterruptedException {
        Path exe = onPath("dot");
        if (exe == null) {
            throw CommandException.failure(
                    "--format svg needs Graphviz's 'dot' on PATH (install graphviz, e.g. apt-get install graphviz), "
                            + "or use --format dot and render it elsewhere");
        }
        Process p = new ProcessBuilder(exe.toString(), "-Tsvg")
                .redirectErrorStream(false)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        copy(p.getInputStream(), out);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw CommandException.failure("dot -Tsvg did not finish in 60 s");
        }
        errReader.join();
        if (p.exitValue() != 0) {
            throw CommandException.failure("dot -Tsvg failed (exit " + p.exitValue() + "): "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            // the exit code tells
        }
    }

    private Path onPath(String name) {
        String path = environment.get("PATH");
        if (path == null) return null;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate;
        }
        return null;
    }
}
