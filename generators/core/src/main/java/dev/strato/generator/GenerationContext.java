package dev.strato.generator;

import dev.strato.model.service.Service;
import java.nio.file.Path;

/**
 * What a generator works from: the service, the folder its sources live in, and the folder the
 * output goes to (null when unknown), which packaging leaves out when it lies inside the project.
 */
public record GenerationContext(Service service, Path projectDir, Path outputDir) {

    public GenerationContext(Service service, Path projectDir) {
        this(service, projectDir, null);
    }
}
