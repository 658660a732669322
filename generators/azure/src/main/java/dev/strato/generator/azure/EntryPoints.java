package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.handler.Handlers;
import dev.strato.model.service.Function;
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

    private final List<String> files;

    /** @param files the paths the package holds */
    EntryPoints(List<String> files) {
        this.files = files;
    }

    /** The two keys, or an empty map for a custom handler. */
    Map<String, Object> of(Function f) throws GenerationException {
        String h = f.handler();
        return switch (f.runtime().language()) {
            case NODE, PYTHON -> script(h, Handlers.extensions(f.runtime().language()));
            case JAVA ->
                Arm.map(
                        "scriptFile",
                        "../" + jar(f),
                        "entryPoint",
                        Handlers.java(h).dotted());
            case DOTNET -> {
                Handlers.DotnetMethod m = Handlers.dotnet(h);
                yield Arm.map("scriptFile", "../" + m.assembly() + ".dll", "entryPoint", m.type() + "." + m.method());
            }
            case GO -> Map.of();
        };
    }

    private Map<String, Object> script(String handler, List<String> extensions) {
        Handlers.Script s = Handlers.script(handler);
        return Arm.map(
                "scriptFile", "../" + Handlers.probe(s.file(), extensions, files::contains), "entryPoint", s.export());
    }

    private String jar(Function f) throws GenerationException {
        List<String> jars = files.stream().filter(p -> p.endsWith(".jar")).toList();
        if (jars.size() != 1) {
            throw new GenerationException("function " + f.name()
                    + ": Java functions on Azure run from the package's jar, and package.include selects "
                    + (jars.isEmpty() ? "none" : jars.size() + " (" + String.join(", ", jars) + ")"));
        }
        return jars.get(0);
    }
}
