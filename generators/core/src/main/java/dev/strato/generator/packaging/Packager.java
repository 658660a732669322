package dev.strato.generator.packaging;

import dev.strato.generator.GenerationContext;
import dev.strato.generator.GenerationException;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a service's deterministic packages from {@code package.include/exclude}: the same
 * sources give byte-identical zips whatever their timestamps, so the same file names.
 */
public final class Packager {

    /**
     * Files a generator adds to one function's package besides the project's (such as a handler
     * adapter); a failure is the generator's own {@link GenerationException}, passed through as is.
     */
    @FunctionalInterface
    public interface ExtraFiles {
        ExtraFiles NONE = f -> Map.of();

        Map<String, byte[]> of(Function function) throws GenerationException;
    }

    private static final int HASH_DIGITS = 12;

    private Packager() {}

    public static Packages build(GenerationContext context) throws GenerationException {
        return build(context, ExtraFiles.NONE);
    }

    public static Packages build(GenerationContext context, ExtraFiles extras) throws GenerationException {
        Service service = context.service();
        List<ZipEntryData> project = projectEntries(context);
        Map<String, Artifact> byFunction = new LinkedHashMap<>();
        boolean individually = service.packaging().individually();
        if (individually) {
            for (Function f : service.functions().values()) {
                byFunction.put(f.name(), artifact(f.name(), withExtras(project, extras.of(f))));
            }
        } else {
            Map<String, byte[]> shared = new LinkedHashMap<>();
            for (Function f : service.functions().values()) {
                for (Map.Entry<String, byte[]> e : extras.of(f).entrySet()) {
                    byte[] previous = shared.putIfAbsent(e.getKey(), e.getValue());
                    if (previous != null && !java.util.Arrays.equals(previous, e.getValue())) {
                        throw new GenerationException("functions need different " + e.getKey()
                                + " files, which a shared package" + " (package.individually: false) cannot hold");
                    }
                }
            }
            Artifact a = artifact(service.name(), withExtras(project, shared));
            for (Function f : service.functions().values()) byFunction.put(f.name(), a);
        }
        return new Packages(individually, byFunction);
    }

    /** The functions whose entry points share {@code function}'s package: it alone, or all of them in a shared package. */
    public static List<Function> inPackageOf(Service service, Function function) {
        return service.packaging().individually()
                ? List.of(function)
                : List.copyOf(service.functions().values());
    }

    private static List<ZipEntryData> projectEntries(GenerationContext context) throws GenerationException {
        Path root = context.projectDir().toAbsolutePath().normalize();
        List<Path> skip = context.outputDir() == null ? List.of() : List.of(context.outputDir());
        try {
            List<ZipEntryData> entries = new ArrayList<>();
            for (String path : ProjectFiles.select(root, context.service().packaging(), skip)) {
                Path file = root.resolve(path);
                entries.add(ZipEntryData.of(path, ProjectFiles.read(root, path), executable(file)));
            }
            if (entries.isEmpty() && !context.service().packaging().include().isEmpty()) {
                throw new GenerationException(
                        "package.include selects no files in " + root + ": nothing to put into function packages");
            }
            return entries;
        } catch (IOException e) {
            throw new GenerationException("cannot read the project files for packaging: " + e.getMessage(), e);
        }
    }

    /** Only the owner's execute bit counts, and only where the file system has one. */
    private static boolean executable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) return file.getFileName().toString().equals("bootstrap");
        return posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static List<ZipEntryData> withExtras(List<ZipEntryData> project, Map<String, byte[]> extras)
            throws GenerationException {
        if (extras.isEmpty()) return project;
        List<ZipEntryData> all = new ArrayList<>(project);
        for (Map.Entry<String, byte[]> e : extras.entrySet()) {
            if (project.stream().anyMatch(p -> p.path().equals(e.getKey()))) {
                throw new GenerationException(
                        "the project has a file " + e.getKey() + ", which strato generates into the package");
            }
            all.add(ZipEntryData.of(e.getKey(), e.getValue(), false));
        }
        return all;
    }

    private static Artifact artifact(String owner, List<ZipEntryData> entries) {
        byte[] zip = DeterministicZip.write(entries);
        String sha = sha256(zip);
        return new Artifact(
                owner,
                owner + "-" + sha.substring(0, HASH_DIGITS) + ".zip",
                zip,
                sha,
                entries.stream().map(ZipEntryData::path).sorted().toList());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
