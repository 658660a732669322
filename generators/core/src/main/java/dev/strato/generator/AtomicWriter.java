package dev.strato.generator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Replaces a folder with an output tree so that readers see either the old folder or the whole
 * new one: the tree is written to a temporary sibling, then moved into place. A failure leaves
 * the old folder untouched and no temporary files behind.
 */
public final class AtomicWriter {

    private AtomicWriter() {}

    public static void replace(Path target, OutputTree tree) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path staging = stage(parent, "." + target.getFileName() + ".new-", tree);
        Path old = null;
        try {
            if (Files.exists(target)) {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            if (old != null && Files.exists(old) && !Files.exists(target)) move(old, target);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    /** Writes the tree into a new temporary folder under {@code parent}; removes it again on failure. */
    public static Path stage(Path parent, String prefix, OutputTree tree) throws IOException {
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, prefix);
        try {
            for (Map.Entry<String, byte[]> e : tree.files().entrySet()) {
                Path file = staging.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            return staging;
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    /**
     * Moves {@code from} to {@code to} atomically where the file system can (readers see the old
     * file or the new one, never a part), else with a plain move; {@code options} go with either.
     */
    public static void move(Path from, Path to, CopyOption... options) throws IOException {
        CopyOption[] atomic = java.util.Arrays.copyOf(options, options.length + 1);
        atomic[options.length] = StandardCopyOption.ATOMIC_MOVE;
        try {
            Files.move(from, to, atomic);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, options);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
