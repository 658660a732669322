package dev.strato.generator.packaging;

import dev.strato.model.PackageSpec;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The project files a package spec selects: every regular file under the project folder that an
 * include pattern matches (all files when there is none) and no exclude pattern, the default
 * excludes and the folders given as {@code skip} (such as the output folder) included.
 * Paths are relative with {@code /} separators, sorted by their UTF-16 order.
 */
public final class ProjectFiles {

    private ProjectFiles() {}

    public static List<String> select(Path projectDir, PackageSpec spec, List<Path> skip) throws IOException {
        Path root = projectDir.toAbsolutePath().normalize();
        List<Glob> include = Glob.all(spec.include());
        List<Glob> exclude = new ArrayList<>(Glob.all(PackageSpec.DEFAULT_EXCLUDE));
        exclude.addAll(Glob.all(spec.exclude()));
        List<Path> skipped = skip.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && (skipped.contains(dir) || Glob.any(exclude, relative(root, dir)))) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                String path = relative(root, file);
                if ((include.isEmpty() || Glob.any(include, path)) && !Glob.any(exclude, path)) files.add(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        files.sort(null);
        return files;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
