package dev.strato.generator;

import dev.strato.model.Service;
import java.nio.file.Path;

/** What a generator works from: the service and the folder its sources live in. */
public record GenerationContext(Service service, Path projectDir) {}
