package dev.strato.model.yaml;

import dev.strato.model.diag.Position;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping with string keys, in file order, remembering where each key is. */
public record YMap(Map<String, Entry> entries, Position position) implements YNode {

    public record Entry(String key, Position keyPosition, YNode value) {}

    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public YNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public Position keyPosition(String key) {
        Entry e = entries.get(key);
        return e == null ? position : e.keyPosition();
    }

    @Override
    public String describe() {
        return "a map";
    }
}
