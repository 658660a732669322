package dev.strato.cli;

import dev.strato.generator.AtomicWriter;
import dev.strato.generator.OutputTree;
import dev.strato.model.bind.ModelSchema;
import dev.strato.model.service.Runtime;
import dev.strato.model.support.Names;
import dev.strato.model.support.Suggestions;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", description = "Create a new service from a template (node-http, python-http).")
final class InitCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "DIR",
            arity = "0..1",
            description = "Folder to create the service in (default: this folder).")
    Path dir;

    @Option(
            names = {"-t", "--template"},
            paramLabel = "TEMPLATE",
            description = "Scaffold: node-http (default) or python-http.")
    String template = "node-http";

    @Option(
            names = {"-n", "--name"},
            paramLabel = "NAME",
            description = "Service name (default: derived from the folder name).")
    String name;

    @Option(names = "--list", description = "List the templates and exit.")
    boolean list;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    private final Environment environment;

    InitCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Console c = new Console(
                spec.commandLine().getOut(),
                spec.commandLine().getErr(),
                Console.useColor(environment, StratoCommand.of(spec).noColor));
        List<String> scaffolds = Templates.scaffolds();
        if (list) {
            scaffolds.forEach(c.out()::println);
            c.out().flush();
            return ExitCodes.OK;
        }
        if (!scaffolds.contains(template)) {
            throw CommandException.usage(
                    "unknown template '" + template + "'" + Suggestions.didYouMean(template, scaffolds)
                            + " (available: " + String.join(", ", scaffolds) + ")");
        }
        Path target = environment
                .workingDir()
                .resolve(dir == null ? Path.of(".") : dir)
                .toAbsolutePath()
                .normalize();
        String service = name != null ? name : serviceName(target);
        if (!service.matches(ModelSchema.SERVICE_NAME)) {
            throw CommandException.usage("service name '" + service
                    + "' is not valid: 2-31 lowercase letters, digits or -, starting with a letter"
                    + (name == null ? " (derived from the folder name; give one with --name)" : ""));
        }
        String prefix = "init/" + template + "/";
        Map<String, Object> model = Map.of(
                "service",
                service,
                "runtime",
                template.startsWith("python") ? Runtime.PYTHON312.id() : Runtime.NODEJS22.id());
        Templates templates = Templates.forProject(target);
        OutputTree tree = new OutputTree();
        for (String t : Templates.list(prefix)) {
            String rel = t.substring(prefix.length(), t.length() - ".ftl".length());
            if (!force && Files.exists(target.resolve(rel))) {
                throw CommandException.failure(
                        target.resolve(rel) + " already exists; nothing written (use --force to overwrite)");
            }
            tree.addText(rel, templates.render(t, model));
        }
        install(tree, target);
        c.out()
                .println(c.green("✓") + " created service " + c.bold(service) + " in " + target + " from template "
                        + template);
        c.out()
                .println("  next: cd "
                        + environment.workingDir().toAbsolutePath().normalize().relativize(target)
                        + " && strato validate");
        c.out().flush();
        return ExitCodes.OK;
    }

    /** Renders everything first, then moves files in; an existing folder keeps its other files. */
    private static void install(OutputTree tree, Path target) throws IOException {
        Files.createDirectories(target);
        Path staging = AtomicWriter.stage(target, ".strato-init-", tree);
        try {
            for (String rel : tree.files().keySet()) {
                Path to = target.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.move(staging.resolve(rel), to, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            AtomicWriter.deleteTree(staging);
        }
    }

    static String serviceName(Path dir) {
        Path fileName = dir.getFileName();
        String base = Names.kebab(fileName == null ? "service" : fileName.toString())
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "")
                .replaceAll("-+$", "");
        return base.length() > 31 ? base.substring(0, 31).replaceAll("-+$", "") : base;
    }
}
