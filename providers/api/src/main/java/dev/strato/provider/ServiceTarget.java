package dev.strato.provider;

import dev.strato.model.service.Service;
import java.nio.file.Path;

/** The validated service a command works on and the folder its sources live in. */
public record ServiceTarget(Service service, Path projectDir) {}
