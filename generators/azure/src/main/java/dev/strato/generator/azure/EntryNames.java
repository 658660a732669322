package dev.strato.generator.azure;

import dev.strato.generator.handler.Identifiers;
import java.util.HashSet;
import java.util.Set;

/**
 * Export and function names in the generated entry modules: an Azure function name
 * ({@code hello-2}) as an identifier that both JavaScript and Python accept ({@code hello_2}),
 * a reserved word with a trailing underscore, and a clash with an earlier name numbered.
 */
final class EntryNames {

    /** Beside the languages' reserved words: the names the entry templates define themselves. */
    private static final Set<String> TAKEN = Set.of("adapt", "_ADAPTERS");

    private final Set<String> taken = new HashSet<>();

    String of(String functionName) {
        String base = Identifiers.of(functionName, TAKEN);
        String name = base;
        for (int i = 2; !taken.add(name); i++) name = base + "_" + i;
        return name;
    }
}
