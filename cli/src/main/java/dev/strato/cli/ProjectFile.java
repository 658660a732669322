package dev.strato.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds strato.yml: the path given with -c, else the nearest one upward from the working folder, as git does. */
record ProjectFile(Path path, String label) {

    static final String NAME = "strato.yml";

    static Optional<ProjectFile> locate(Path given, Path workingDir) {
        if (given != null) {
            Path p = workingDir.resolve(given).normalize();
            return Files.exists(p) ? Optional.of(new ProjectFile(p, given.toString())) : Optional.empty();
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                String label = workingDir
                        .toAbsolutePath()
                        .normalize()
                        .relativize(candidate)
                        .toString();
                return Optional.of(new ProjectFile(candidate, label));
            }
        }
        return Optional.empty();
    }

    static String notFound(Path given, Path workingDir) {
        return given != null
                ? "no such file: " + given
                : "no " + NAME + " in " + workingDir.toAbsolutePath().normalize()
                        + " or any parent folder (give one with -c FILE, or create one with 'strato init')";
    }
}
