package dev.strato.generator.packaging;

import dev.strato.model.files.ProjectScan;
import dev.strato.model.service.PackageSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The project files a package spec selects ({@link ProjectScan}): generators take only these, and
 * read them through {@link #read}, which re-checks the project boundary. {@code validate} reports
 * the refused links with positions first; refusing them here too keeps a package safe when a
 * generator runs on a model that was not validated, or a link appears in between.
 */
public final class ProjectFiles {

    private ProjectFiles() {}

    /** @throws IOException also when a selected link leaves the project, loops or dangles */
    public static List<String> select(Path projectDir, PackageSpec spec, List<Path> skip) throws IOException {
        ProjectScan.Result scan = ProjectScan.scan(projectDir, spec, skip);
        if (!scan.problems().isEmpty())
            throw new IOException(scan.problems().get(0).message());
        return scan.files();
    }

    /** A selected file's bytes, refused when its real path lies outside the project folder. */
    public static byte[] read(Path projectDir, String path) throws IOException {
        return ProjectScan.read(projectDir, path);
    }
}
