package dev.strato.model.service;

import dev.strato.model.providers.RuntimeSupport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** strato's neutral runtime ids. Which provider runs which is in {@link RuntimeSupport}. */
public enum Runtime {
    NODEJS22("nodejs22", Language.NODE),
    NODEJS24("nodejs24", Language.NODE),
    PYTHON312("python3.12", Language.PYTHON),
    PYTHON313("python3.13", Language.PYTHON),
    PYTHON314("python3.14", Language.PYTHON),
    JAVA21("java21", Language.JAVA),
    JAVA25("java25", Language.JAVA),
    DOTNET8("dotnet8", Language.DOTNET),
    GO("go", Language.GO);

    public enum Language {
        NODE,
        PYTHON,
        JAVA,
        DOTNET,
        GO
    }

    private final String id;
    private final Language language;

    Runtime(String id, Language language) {
        this.id = id;
        this.language = language;
    }

    public String id() {
        return id;
    }

    public Language language() {
        return language;
    }

    public static Optional<Runtime> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Runtime::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
