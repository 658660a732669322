package dev.strato.generator.adapter;

import dev.strato.generator.handler.Handlers;
import dev.strato.model.service.Adapter;
import dev.strato.model.service.Function;
import dev.strato.model.service.Runtime;
import dev.strato.templates.Templates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portable-handler adapter a generator puts into a function's package: the shared core and
 * one cloud's translator (shipped as is from {@code templates/adapter/}), found at fixed paths
 * in the package: Node.js {@code strato/core.mjs} and {@code strato/<cloud>.mjs}, Python
 * {@code strato_adapter/core.py} and {@code strato_adapter/<cloud>.py}. The generator renders
 * the per-function entry module that points each function at its handler.
 */
public final class HandlerAdapters {

    public static final String NODE_DIR = "strato/";
    public static final String PYTHON_DIR = "strato_adapter/";

    private HandlerAdapters() {}

    /** Whether {@code f} gets an adapter: {@code adapter: portable} and a runtime strato has one for. */
    public static boolean portable(Function f) {
        Runtime.Language language = f.runtime().language();
        return f.adapter() == Adapter.PORTABLE
                && (language == Runtime.Language.NODE || language == Runtime.Language.PYTHON);
    }

    /** The adapter library files for {@code language} on {@code cloud} ({@code aws}, {@code azure}, {@code gcp}, {@code local}): package path → bytes. */
    public static Map<String, byte[]> library(Templates templates, Runtime.Language language, String cloud)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        switch (language) {
            case NODE -> {
                files.put(NODE_DIR + "core.mjs", templates.raw("adapter/node/core.mjs"));
                files.put(NODE_DIR + cloud + ".mjs", templates.raw("adapter/node/" + cloud + ".mjs"));
            }
            case PYTHON -> {
                for (String file : List.of("__init__.py", "core.py", cloud + ".py")) {
                    files.put(PYTHON_DIR + file, templates.raw("adapter/python/strato_adapter/" + file));
                }
            }
            default -> throw new IllegalArgumentException("no portable adapter for " + language);
        }
        return files;
    }

    /** The trigger kind the adapter translates: the first event's, {@code direct} for a function without events. */
    public static String kind(Function f) {
        return f.events().isEmpty() ? "direct" : f.events().get(0).kind();
    }

    /**
     * Where the handler lives: Node.js {@code src/orders.create} → module {@code src/orders.js}
     * (the extension the project has, {@code .js} when none), Python {@code src/users.get} →
     * module {@code src.users}; {@code export} is the function's name in that module.
     */
    public static HandlerModule module(Function f, Path projectDir) {
        Handlers.Script h = Handlers.script(f.handler());
        if (f.runtime().language() == Runtime.Language.PYTHON)
            return new HandlerModule(h.file().replace('/', '.'), h.export());
        return new HandlerModule(Handlers.probe(h.file(), Handlers.NODE_EXTENSIONS, projectDir), h.export());
    }

    /** A handler's module (a path for Node.js, a dotted name for Python) and export. */
    public record HandlerModule(String module, String export) {}
}
