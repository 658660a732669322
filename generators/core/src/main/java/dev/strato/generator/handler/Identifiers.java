package dev.strato.generator.handler;

import java.util.Set;

/**
 * Names in the entry modules generators render: a function name as an identifier that both
 * JavaScript and Python accept. Function names are letters, digits and hyphens and start with a
 * letter; the rule below also covers any other character and a leading digit.
 */
public final class Identifiers {

    /** Words neither language takes as a name: JavaScript's reserved words (strict mode and modules) and Python's keywords. */
    public static final Set<String> RESERVED = Set.of(
            // JavaScript
            "await",
            "break",
            "case",
            "catch",
            "class",
            "const",
            "continue",
            "debugger",
            "default",
            "delete",
            "do",
            "else",
            "enum",
            "export",
            "extends",
            "false",
            "finally",
            "for",
            "function",
            "if",
            "implements",
            "import",
            "in",
            "instanceof",
            "interface",
            "let",
            "new",
            "null",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "static",
            "super",
            "switch",
            "this",
            "throw",
            "true",
            "try",
            "typeof",
            "var",
            "void",
            "while",
            "with",
            "yield",
            "arguments",
            "eval",
            // Python
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "def",
            "del",
            "elif",
            "except",
            "from",
            "global",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise");

    private Identifiers() {}

    /**
     * {@code name} as an identifier: every other character an underscore, a leading digit after
     * an underscore, and a reserved word (of {@link #RESERVED} or of the module's own
     * {@code taken} names, which its template defines) with a trailing underscore.
     */
    public static String of(String name, Set<String> taken) {
        String id = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (id.isEmpty() || Character.isDigit(id.charAt(0))) id = "_" + id;
        return RESERVED.contains(id) || taken.contains(id) ? id + "_" : id;
    }
}
