package dev.strato.model.bind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a map of strato.yml may have. {@code exactlyOne} marks maps that must hold exactly
 * one of their keys (an event names one kind).
 */
public record Shape(String name, String description, Map<String, Field> fields, boolean exactlyOne) {

    public static Shape of(String name, String description, Field... fields) {
        return build(name, description, false, List.of(fields));
    }

    public static Shape oneOf(String name, String description, Field... fields) {
        return build(name, description, true, List.of(fields));
    }

    public Shape plus(String newName, String newDescription, Field... more) {
        var all = new java.util.ArrayList<>(fields.values());
        all.addAll(List.of(more));
        return build(newName, newDescription, exactlyOne, all);
    }

    private static Shape build(String name, String description, boolean exactlyOne, List<Field> list) {
        Map<String, Field> map = new LinkedHashMap<>();
        list.forEach(f -> map.put(f.name(), f));
        return new Shape(name, description, java.util.Collections.unmodifiableMap(map), exactlyOne);
    }

    public Field field(String key) {
        Field f = fields.get(key);
        if (f == null) throw new IllegalArgumentException(name + " has no field " + key);
        return f;
    }
}
