package dev.strato.cli;

import dev.strato.generator.AtomicWriter;
import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.Generators;
import dev.strato.generator.OutputTree;
import dev.strato.model.LoadResult;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "generate",
        description = {
            "Render each provider's native artifacts into DIR/<provider>/.",
            "All providers are rendered in memory first; nothing is written unless all succeed,",
            "and each DIR/<provider> folder is replaced atomically."
        })
final class GenerateCommand extends ModelCommand {

    @Mixin
    OutputOption output;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (default: .strato/generated beside strato.yml).")
    Path out;

    GenerateCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) throws IOException {
        Console c = session.console();
        if (!session.reportValid(result, "; nothing generated")) return ExitCodes.INVALID_MODEL;
        Map<Provider, Generator> installed = Generators.installed();
        List<String> missing = result.providers().stream()
                .filter(p -> !installed.containsKey(p))
                .map(Provider::id)
                .toList();
        if (!missing.isEmpty()) {
            throw CommandException.failure("no generator installed for " + String.join(", ", missing)
                    + " (installed: "
                    + (installed.isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    installed.keySet().stream()
                                            .map(Provider::id)
                                            .toList()))
                    + "); nothing generated");
        }
        Service service = result.service().orElseThrow();
        Path projectDir = session.file().path().toAbsolutePath().getParent();
        Path dir = out != null ? environment.workingDir().resolve(out) : projectDir.resolve(".strato/generated");
        Map<Provider, OutputTree> trees = new EnumMap<>(Provider.class);
        for (Provider p : result.providers()) {
            OutputTree tree = new OutputTree();
            try {
                installed.get(p).generate(new GenerationContext(service, projectDir, dir), tree);
            } catch (GenerationException e) {
                throw CommandException.failure(p + ": " + e.getMessage() + "; nothing generated", e, List.of());
            }
            trees.put(p, tree);
        }
        List<Map<String, Object>> written = new ArrayList<>();
        for (Map.Entry<Provider, OutputTree> e : trees.entrySet()) {
            Path target = dir.resolve(e.getKey().id());
            AtomicWriter.replace(target, e.getValue());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", e.getKey().id());
            m.put("dir", target.toString());
            m.put("files", e.getValue().files().size());
            m.put("warnings", e.getValue().warnings());
            written.add(m);
            for (String warning : e.getValue().warnings())
                c.err().println(c.yellow("warning") + ": " + e.getKey() + ": " + warning);
            if (!output.json())
                c.out()
                        .println(c.green("✓") + " " + e.getKey() + ": "
                                + e.getValue().files().size() + " files in " + target);
        }
        if (output.json()) Json.print(c.out(), Map.of("outputs", written));
        c.out().flush();
        return ExitCodes.OK;
    }
}
