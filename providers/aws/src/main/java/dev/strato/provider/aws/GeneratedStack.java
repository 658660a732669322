package dev.strato.provider.aws;

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
import java.nio.file.Path;

/** The AWS generator's output for the service: its manifest, and (for deploy) the files in a temporary folder. */
final class GeneratedStack implements AutoCloseable {

    private final StackManifest manifest;
    private final Path dir;

    private GeneratedStack(StackManifest manifest, Path dir) {
        this.manifest = manifest;
        this.dir = dir;
    }

    /** Generates in memory: enough for commands that only need names. */
    static StackManifest manifest(ServiceTarget target) {
        return StackManifest.parse(render(target).files().get("manifest.json"));
    }

    /** Generates into a new temporary folder, removed on {@link #close()}. */
    static GeneratedStack inTempDir(ServiceTarget target) {
        OutputTree tree = render(target);
        try {
            Path dir = AtomicWriter.stage(Path.of(System.getProperty("java.io.tmpdir")), "strato-deploy-", tree);
            return new GeneratedStack(StackManifest.parse(tree.files().get("manifest.json")), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputTree render(ServiceTarget target) {
        Generator generator = Generators.installed().get(Provider.AWS);
        if (generator == null) throw new ProviderException("the AWS generator is not installed");
        OutputTree tree = new OutputTree();
        try {
            generator.generate(new GenerationContext(target.service(), target.projectDir()), tree);
        } catch (GenerationException e) {
            throw new ProviderException("aws: " + e.getMessage() + "; nothing deployed");
        }
        return tree;
    }

    StackManifest manifest() {
        return manifest;
    }

    Path file(String relative) {
        return dir.resolve(relative);
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
