package dev.strato.provider.gcp;

import dev.strato.generator.AtomicWriter;
import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.generator.Generator;
import dev.strato.generator.Generators;
import dev.strato.generator.OutputTree;
import dev.strato.model.providers.Provider;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The GCP generator's output for the service (main.tf.json stays the single source of truth): the parsed
 * configuration, and (for deploy, diff and remove) the files in a temporary folder removed on {@link #close()}.
 */
final class GeneratedConfig implements AutoCloseable {

    static final String MAIN = "main.tf.json";

    private final ConfigDocument document;
    private final Map<String, byte[]> files;
    private final Path dir;

    private GeneratedConfig(ConfigDocument document, Map<String, byte[]> files, Path dir) {
        this.document = document;
        this.files = files;
        this.dir = dir;
    }

    /** Generates in memory: enough for commands that only need names. */
    static ConfigDocument document(ServiceTarget target) {
        return ConfigDocument.parse(target.service(), render(target).files().get(MAIN));
    }

    static GeneratedConfig inTempDir(ServiceTarget target) {
        OutputTree tree = render(target);
        try {
            Path dir = AtomicWriter.stage(Path.of(System.getProperty("java.io.tmpdir")), "strato-gcp-", tree);
            return new GeneratedConfig(
                    ConfigDocument.parse(target.service(), tree.files().get(MAIN)), new TreeMap<>(tree.files()), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputTree render(ServiceTarget target) {
        Generator generator = Generators.installed().get(Provider.GCP);
        if (generator == null) throw new ProviderException("the GCP generator is not installed");
        OutputTree tree = new OutputTree();
        try {
            generator.generate(new GenerationContext(target.service(), target.projectDir()), tree);
        } catch (GenerationException e) {
            throw new ProviderException("gcp: " + e.getMessage() + "; nothing deployed");
        }
        if (!tree.files().containsKey(MAIN)) throw new ProviderException("the GCP generator wrote no " + MAIN);
        return tree;
    }

    ConfigDocument document() {
        return document;
    }

    Path dir() {
        return dir;
    }

    Path file(String relative) {
        return dir.resolve(relative);
    }

    /** What Terraform reads: main.tf.json, the OpenAPI document and the package zips (the README is for people). */
    List<String> configurationFiles() {
        List<String> list = new ArrayList<>();
        for (String name : files.keySet()) if (!name.endsWith(".md")) list.add(name);
        return list;
    }

    /** A short hash of everything Terraform reads: equal hashes, equal configurations. */
    String configHash() {
        StringBuilder all = new StringBuilder();
        for (String name : configurationFiles())
            all.append(name)
                    .append('\0')
                    .append(Hashes.sha256(new String(files.get(name), java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .append('\n');
        return Hashes.sha256(all.toString()).substring(0, 16);
    }

    /** Adds a Terraform file of strato's own (backend, imports) next to main.tf.json. */
    void write(String name, byte[] content) {
        try {
            Files.write(dir.resolve(name), content);
            files.put(name, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            AtomicWriter.deleteTree(dir);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
