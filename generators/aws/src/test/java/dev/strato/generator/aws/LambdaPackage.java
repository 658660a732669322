package dev.strato.generator.aws;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A function's generated Lambda package, unpacked as Lambda does into its task root, with the Handler the template sets. */
record LambdaPackage(Path root, String handler) {

    static LambdaPackage of(Service service, Path projectDir, AwsFormat format, Function f, Path into)
            throws Exception {
        Service s = Examples.withFormat(service, format);
        Packages packages = AwsGenerator.packages(new GenerationContext(s, projectDir));
        Map<String, Object> tree =
                AwsGenerator.build(s, format, packages).template().tree();
        Path root = into.resolve(format.id() + "/" + f.name());
        unzip(packages.of(f.name()).bytes(), root);
        return new LambdaPackage(
                root, (String) properties(tree, LogicalIds.function(f.name())).get("Handler"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> tree, String id) {
        Map<String, Object> resources = (Map<String, Object>) tree.get("Resources");
        return (Map<String, Object>) ((Map<String, Object>) resources.get(id)).get("Properties");
    }

    static void unzip(byte[] zip, Path root) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path file = root.resolve(e.getName()).normalize();
                if (!file.startsWith(root)) throw new IOException("zip entry outside the package: " + e.getName());
                if (e.isDirectory()) continue;
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
    }

    /** Replaces a project file of the package (the handler's module) with other content. */
    void replace(String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
