package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.model.Function;
import java.util.List;
import java.util.Map;

/**
 * {@code scriptFile} and {@code entryPoint} of a function.json, relative to the function's
 * folder: Node.js {@code src/orders.create} → {@code ../src/orders.js} and {@code create} (v3
 * model), Python {@code src/users.get} → {@code ../src/users.py} and {@code get} (v1 model),
 * Java {@code com.acme.Orders::create} → the package's one jar and {@code com.acme.Orders.create},
 * .NET {@code Assembly::Namespace.Type::Method} → {@code ../Assembly.dll} and
 * {@code Namespace.Type.Method}. Custom handlers (Go) have neither: the host starts the
 * executable named in host.json.
 */
final class EntryPoints {

    private static final List<String> NODE_EXTENSIONS = List.of(".js", ".mjs", ".cjs");

    private final List<String> files;

    /** @param files the paths the package holds */
    EntryPoints(List<String> files) {
        this.files = files;
    }

    /** The two keys, or an empty map for a custom handler. */
    Map<String, Object> of(Function f) throws GenerationException {
        String h = f.handler();
        return switch (f.runtime().language()) {
            case NODE -> script(h, NODE_EXTENSIONS);
            case PYTHON -> script(h, List.of(".py"));
            case JAVA -> Arm.map("scriptFile", "../" + jar(f), "entryPoint", h.replace("::", "."));
            case DOTNET -> {
                String[] parts = h.split("::");
                yield Arm.map("scriptFile", "../" + parts[0] + ".dll", "entryPoint", parts[1] + "." + parts[2]);
            }
            case GO -> Map.of();
        };
    }

    private Map<String, Object> script(String handler, List<String> extensions) {
        int dot = handler.lastIndexOf('.');
        String file = handler.substring(0, dot);
        String script = extensions.stream().map(ext -> file + ext).filter(files::contains).findFirst().orElse(file + extensions.get(0));
        return Arm.map("scriptFile", "../" + script, "entryPoint", handler.substring(dot + 1));
    }

    private String jar(Function f) throws GenerationException {
        List<String> jars = files.stream().filter(p -> p.endsWith(".jar")).toList();
        if (jars.size() != 1) {
            throw new GenerationException("function " + f.name() + ": Java functions on Azure run from the package's jar, and package.include selects "
                    + (jars.isEmpty() ? "none" : jars.size() + " (" + String.join(", ", jars) + ")"));
        }
        return jars.get(0);
    }
}
