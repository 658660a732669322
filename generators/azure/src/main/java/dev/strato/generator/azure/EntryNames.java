package dev.strato.generator.azure;

import java.util.HashSet;
import java.util.Set;

/**
 * Export and function names in the generated entry modules: an Azure function name
 * ({@code hello-2}) as an identifier that both JavaScript and Python accept ({@code hello_2}),
 * a reserved word with a trailing underscore, and a clash with an earlier name numbered.
 */
final class EntryNames {

    private static final Set<String> RESERVED = Set.of(
            // JavaScript (strict mode and modules)
            "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
            "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface",
            "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super", "switch", "this", "throw",
            "true", "try", "typeof", "var", "void", "while", "with", "yield", "arguments", "eval", "adapt",
            // Python
            "False", "None", "True", "and", "as", "assert", "async", "def", "del", "elif", "except", "from", "global", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "_ADAPTERS");

    private final Set<String> taken = new HashSet<>();

    String of(String functionName) {
        String base = functionName.replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) base = "_" + base;
        if (RESERVED.contains(base)) base = base + "_";
        String name = base;
        for (int i = 2; !taken.add(name); i++) name = base + "_" + i;
        return name;
    }
}
