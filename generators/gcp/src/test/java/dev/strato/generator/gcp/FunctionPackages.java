package dev.strato.generator.gcp;

import dev.strato.generator.GenerationContext;
import dev.strato.model.service.Service;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The generated package of each function of a service, unzipped: function name → its folder under {@code into}. */
final class FunctionPackages {

    private FunctionPackages() {}

    static Map<String, Path> unzip(Service service, Path projectDir, Path into) throws Exception {
        StackBuilder.Stack result = GcpGenerator.build(new GenerationContext(service, projectDir));
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String function : service.functions().keySet()) {
            Path dir = into.resolve(GcpNames.key(function));
            unzip(result.packages().of(function).bytes(), dir);
            dirs.put(function, dir);
        }
        return dirs;
    }

    private static void unzip(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                Path file = dir.resolve(e.getName()).normalize();
                if (!file.startsWith(dir)) throw new IOException("zip entry outside the package: " + e.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
    }
}
