package dev.strato.model;

import dev.strato.model.diag.Position;
import java.util.HashMap;
import java.util.Map;

/** Where each model path (e.g. {@code functions.api.memory}) was written, for diagnostics after binding. */
public final class SourceMap {

    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final Position fallback;

    public SourceMap(Position fallback) {
        this.fallback = fallback;
    }

    public void value(String path, Position at) {
        values.putIfAbsent(path, at);
    }

    public void key(String path, Position at) {
        keys.putIfAbsent(path, at);
    }

    /** The position of the value at {@code path}, else of its nearest written parent. */
    public Position at(String path) {
        for (String p = path; ; p = parent(p)) {
            Position found = values.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return fallback;
        }
    }

    /** The position of the key of {@code path} (where the name is written), else {@link #at}. */
    public Position keyAt(String path) {
        Position k = keys.get(path);
        return k != null ? k : at(path);
    }

    public boolean has(String path) {
        return values.containsKey(path);
    }

    static String parent(String path) {
        int dot = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
