package dev.strato.importer;

import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.diag.Position;
import dev.strato.model.providers.Provider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code strato import}: detects the format of a Serverless Framework service or a SAM/CloudFormation
 * template, maps it into a strato.yml tree and reports every item it mapped or could not.
 */
public final class Importer {

    public enum Format {
        SERVERLESS("Serverless Framework service"),
        SAM("SAM template"),
        CLOUDFORMATION("CloudFormation template");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param yaml the strato.yml text
     * @param environmentNames {@code ${env:NAME}} the result reads without a fallback
     * @param optionNames {@code ${opt:NAME}} the result reads
     */
    public record Result(
            Format format,
            Map<String, Object> tree,
            String yaml,
            Report report,
            List<String> environmentNames,
            List<String> optionNames) {}

    private Importer() {}

    /** Reads, detects and maps a file; {@code label} is how positions name it. */
    public static Result importFile(Path file, String label) throws ImportException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (name.matches("serverless\\.(ts|js|cjs|mjs)")) {
            throw new ImportException(
                    new Position(label, 0, 0),
                    "a " + name.substring(name.indexOf('.') + 1)
                            + " service file cannot be read: run 'serverless print > serverless.yml' and import that");
        }
        Src root = SourceReader.readFile(file, label);
        Path parent = file.toAbsolutePath().normalize().getParent();
        return map(
                root,
                label,
                parent == null || parent.getFileName() == null
                        ? "imported"
                        : parent.getFileName().toString());
    }

    /** @param folder the name of the source's folder: a template's service name when nothing better says one */
    static Result map(Src root, String label, String folder) throws ImportException {
        if (!(root instanceof Src.Obj obj)) {
            throw new ImportException(
                    root.position(),
                    "expected a map at the top (a serverless.yml or a template), found "
                            + (root instanceof Src.Seq ? "a list" : "a single value"));
        }
        Format format = detect(obj);
        if (format == null) {
            throw new ImportException(
                    root.position(),
                    "neither a Serverless Framework service (service, provider, functions) nor a SAM or CloudFormation template (Resources)");
        }
        Mapping mapping;
        Target target;
        if (format == Format.SERVERLESS) {
            ServerlessImporter s = new ServerlessImporter(obj, label);
            target = s.run();
            mapping = s;
        } else {
            CfnImporter c = new CfnImporter(obj, label, folder);
            target = c.run();
            mapping = c;
        }
        if (target.functions.isEmpty()) {
            throw new ImportException(
                    root.position(),
                    "no function to import: strato needs at least one (a " + format.description()
                            + (format == Format.SERVERLESS
                                    ? " with functions"
                                    : " with AWS::Serverless::Function or AWS::Lambda::Function resources")
                            + ")");
        }
        Report report = mapping.report;
        report.note(
                new Position(label, 1, 1),
                "",
                "every function gets adapter: native (its code expects AWS's events): to run it on Azure or GCP too, port it to "
                        + "strato's portable handlers, see docs/HANDLERS.md");
        Map<String, Object> tree = target.tree();
        String yaml = StratoWriter.write(
                tree,
                List.of(
                        "Imported from " + Path.of(label).getFileName() + " (" + format.description()
                                + ") by strato import.",
                        "What was not carried over is in the import report."));
        return new Result(
                format, tree, yaml, report, List.copyOf(target.environmentNames), List.copyOf(target.optionNames));
    }

    static Format detect(Src.Obj root) {
        if (root.has("Resources") || root.has("AWSTemplateFormatVersion") || root.has("Transform")) {
            String transforms = String.valueOf(Src.plain(root.get("Transform")));
            boolean serverlessTypes = root.obj("Resources") != null
                    && root.obj("Resources").entries().values().stream()
                            .anyMatch(e -> e.value() instanceof Src.Obj o
                                    && o.text("Type") != null
                                    && o.text("Type").startsWith("AWS::Serverless::"));
            return transforms.contains("AWS::Serverless") || serverlessTypes ? Format.SAM : Format.CLOUDFORMATION;
        }
        if (root.has("service") || root.has("provider") || root.has("functions")) return Format.SERVERLESS;
        return null;
    }

    /**
     * Validates a written strato.yml for aws as {@code strato validate} would; the environment
     * variables and {@code --param}s the import kept as variables get placeholder values.
     */
    public static LoadResult validate(
            Path strato, String label, Result result, Map<String, String> environment, LocalDate today) {
        Map<String, String> env = new HashMap<>(environment);
        for (String name : result.environmentNames()) env.putIfAbsent(name, "placeholder");
        Map<String, String> params = new HashMap<>();
        for (String name : result.optionNames()) params.put(name, "placeholder");
        return ModelLoader.load(strato, label, new LoadOptions(null, params, env, List.of(Provider.AWS), today));
    }
}
