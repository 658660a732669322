package dev.strato.generator.gcp;

import dev.strato.generator.handler.Handlers;
import dev.strato.model.service.Function;

/**
 * A function's {@code build_config.entry_point}. Cloud Functions loads one module per package
 * ({@code index.js} for Node.js, {@code main.py} for Python), so strato generates that module and
 * exports each handler from it under the function's Terraform name ({@link EntryModules}). Java
 * and .NET name a class; Go names the function the code registers with the Functions Framework.
 */
final class EntryPoints {

    private EntryPoints() {}

    static String of(Function f) {
        return switch (f.runtime().language()) {
            case NODE, PYTHON -> GcpNames.key(f.name());
            case JAVA -> Handlers.java(f.handler()).type();
            case DOTNET -> Handlers.dotnet(f.handler()).type();
            case GO -> f.name();
        };
    }
}
