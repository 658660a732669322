package dev.strato.generator.handler;

import dev.strato.model.service.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A function's handler string taken apart, once for every generator. The model's validator has
 * checked the form per language, so these parse and never judge: Node.js and Python
 * {@code path/module.export}, Java {@code com.acme.Type::method}, .NET
 * {@code Assembly::Namespace.Type::Method}; Go names an executable and needs no parsing.
 */
public final class Handlers {

    /** The files a Node.js module may be, in the order they are probed; the first is the default. */
    public static final List<String> NODE_EXTENSIONS = List.of(".js", ".mjs", ".cjs");

    public static final List<String> PYTHON_EXTENSIONS = List.of(".py");

    private Handlers() {}

    /** A Node.js or Python handler: the module's path without extension and the name it exports. */
    public record Script(String file, String export) {}

    /** A Java handler: the class and its method. */
    public record JavaMethod(String type, String method) {

        /** {@code com.acme.Type.method}, the form Azure's {@code entryPoint} takes. */
        public String dotted() {
            return type + "." + method;
        }
    }

    /** A .NET handler: the assembly, the type (with its namespace) and the method. */
    public record DotnetMethod(String assembly, String type, String method) {}

    public static Script script(String handler) {
        int dot = handler.lastIndexOf('.');
        return new Script(handler.substring(0, dot), handler.substring(dot + 1));
    }

    public static JavaMethod java(String handler) {
        int sep = handler.indexOf("::");
        return new JavaMethod(handler.substring(0, sep), handler.substring(sep + 2));
    }

    public static DotnetMethod dotnet(String handler) {
        String[] parts = handler.split("::");
        return new DotnetMethod(parts[0], parts[1], parts[2]);
    }

    /** The extensions a script module of {@code language} may have, default first. */
    public static List<String> extensions(Runtime.Language language) {
        return switch (language) {
            case NODE -> NODE_EXTENSIONS;
            case PYTHON -> PYTHON_EXTENSIONS;
            default -> throw new IllegalArgumentException(language + " handlers are not script modules");
        };
    }

    /**
     * The file a module is: {@code file} with the first of {@code extensions} that {@code exists}
     * says is there, else with the first extension (the file may be built later).
     */
    public static String probe(String file, List<String> extensions, Predicate<String> exists) {
        for (String ext : extensions) {
            if (exists.test(file + ext)) return file + ext;
        }
        return file + extensions.get(0);
    }

    /** {@link #probe} against the project folder on disk. */
    public static String probe(String file, List<String> extensions, Path projectDir) {
        return probe(file, extensions, path -> Files.isRegularFile(projectDir.resolve(path)));
    }
}
