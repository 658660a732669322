package dev.strato.model.files;

import dev.strato.model.service.PackageSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The project files a package spec selects, and the symbolic links that would let something from
 * outside the project into a package. The project folder is a security boundary (strato runs in CI
 * on checkouts nobody reviewed): a link whose target resolves outside the project folder, a link
 * loop and a dangling link are {@link Problem problems}, never followed. A link whose target stays
 * inside the project is packaged as what it points to (a zip holds no links).
 *
 * <p>Selected: every regular file that an include pattern matches (all files when there is none),
 * that no exclude pattern matches and that {@link PackageSpec#DEFAULT_EXCLUDE} does not leave out;
 * folders given as {@code skip} (such as the output folder) are never entered. A link is judged only
 * when it would be used: a file link when it is selected, a folder link when it is not excluded.
 * Paths are relative with {@code /} separators, sorted by their UTF-16 order. Special files (pipes,
 * devices, sockets) are never selected.
 */
public final class ProjectScan {

    /** What is wrong with a link. */
    public enum Kind {
        OUTSIDE("leads outside the project folder"),
        LOOP("makes a loop"),
        DANGLING("points to nothing");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /**
     * A link packaging refuses.
     *
     * @param path the link, relative to the project folder
     * @param target the link's own text (as {@code ls -l} shows it)
     * @param resolved where it leads, absolute (its target as written when it leads nowhere)
     */
    public record Problem(String path, String target, String resolved, Kind kind) {

        /** Such as {@code symbolic link src/etc -> /etc leads outside the project folder}. */
        public String message() {
            String shown = target.equals(resolved) ? target : target + " (" + resolved + ")";
            return "symbolic link " + path + " -> " + shown + " " + kind.text + "; packaging refuses it"
                    + (kind == Kind.OUTSIDE
                            ? " (copy the files into the project, or leave the link out with package.exclude)"
                            : "");
        }
    }

    /** The selected files and the refused links, both sorted by path. */
    public record Result(List<String> files, List<Problem> problems) {}

    private final Path root;
    private final Path realRoot;
    private final List<Glob> include;
    private final List<Glob> exclude;
    private final List<Path> skipped;
    private final List<String> files = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    /** Real paths of the folders being walked (the current chain), to see a link back into one. */
    private final Deque<Path> walking = new ArrayDeque<>();

    private ProjectScan(Path root, Path realRoot, PackageSpec spec, List<Path> skip) {
        this.root = root;
        this.realRoot = realRoot;
        this.include = Glob.all(spec.include());
        List<Glob> ex = new ArrayList<>(Glob.all(PackageSpec.DEFAULT_EXCLUDE));
        ex.addAll(Glob.all(spec.exclude()));
        this.exclude = ex;
        List<Path> s = new ArrayList<>();
        for (Path p : skip) {
            Path abs = p.toAbsolutePath().normalize();
            s.add(abs);
            try {
                s.add(abs.toRealPath());
            } catch (IOException e) {
                // not there (yet): nothing to skip under its real path
            }
        }
        this.skipped = s;
    }

    public static Result scan(Path projectDir, PackageSpec spec, List<Path> skip) throws IOException {
        Path root = projectDir.toAbsolutePath().normalize();
        ProjectScan scan = new ProjectScan(root, root.toRealPath(), spec, skip);
        scan.walking.push(scan.realRoot);
        scan.folder(scan.realRoot, "");
        scan.files.sort(null);
        scan.problems.sort(java.util.Comparator.comparing(Problem::path));
        return new Result(List.copyOf(scan.files), List.copyOf(scan.problems));
    }

    /**
     * The bytes of a selected file, refusing (as an I/O error) a file whose real path has left the
     * project since it was scanned (a link swapped in between).
     */
    public static byte[] read(Path projectDir, String path) throws IOException {
        Path root = projectDir.toAbsolutePath().normalize();
        Path real = root.resolve(path).toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            throw new IOException("project file " + path + " resolves to " + real
                    + ", outside the project folder; packaging refuses it");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS))
            throw new IOException("project file " + path + " is not a regular file");
        return Files.readAllBytes(real);
    }

    /** Walks the folder whose real path is {@code real}, known in the package as {@code rel} ("" for the root). */
    private void folder(Path real, String rel) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(real)) {
            for (Path child : s) children.add(child);
        }
        children.sort(null);
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = rel.isEmpty() ? name : rel + "/" + name;
            BasicFileAttributes attrs =
                    Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) link(child, path);
            else if (attrs.isDirectory()) enter(child, path);
            else if (attrs.isRegularFile() && selected(path)) files.add(path);
        }
    }

    private void enter(Path real, String path) throws IOException {
        if (Glob.any(exclude, path) || skipped.contains(real) || skipped.contains(root.resolve(path))) return;
        walking.push(real);
        try {
            folder(real, path);
        } finally {
            walking.pop();
        }
    }

    private void link(Path link, String path) throws IOException {
        if (Glob.any(exclude, path) || skipped.contains(root.resolve(path))) return;
        String target = Files.readSymbolicLink(link).toString();
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            problem(path, target, target, Kind.DANGLING);
            return;
        } catch (FileSystemException e) {
            // ELOOP: the chain of links never reaches a file
            problem(path, target, target, Kind.LOOP);
            return;
        }
        boolean folder = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
        if (!folder && !selected(path)) return;
        if (!real.startsWith(realRoot)) {
            problem(path, target, real.toString(), Kind.OUTSIDE);
        } else if (folder) {
            if (walking.contains(real)) problem(path, target, real.toString(), Kind.LOOP);
            else enter(real, path);
        } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            files.add(path);
        }
    }

    private void problem(String path, String target, String resolved, Kind kind) {
        problems.add(new Problem(path, target, resolved, kind));
    }

    private boolean selected(String path) {
        return (include.isEmpty() || Glob.any(include, path)) && !Glob.any(exclude, path);
    }
}
