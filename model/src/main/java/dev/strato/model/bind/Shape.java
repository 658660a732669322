package dev.strato.model.bind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a map of strato.yml may have, and how many of them it must hold: any number, at
 * least one (providers), or exactly one (an event names one kind).
 */
public record Shape(String name, String description, Map<String, Field> fields, Keys keys) {

    public enum Keys {
        ANY,
        AT_LEAST_ONE,
        EXACTLY_ONE
    }

    public static Shape of(String name, String description, Field... fields) {
        return build(name, description, Keys.ANY, List.of(fields));
    }

    public static Shape oneOf(String name, String description, Field... fields) {
        return build(name, description, Keys.EXACTLY_ONE, List.of(fields));
    }

    public static Shape atLeastOne(String name, String description, Field... fields) {
        return build(name, description, Keys.AT_LEAST_ONE, List.of(fields));
    }

    public boolean exactlyOne() {
        return keys == Keys.EXACTLY_ONE;
    }

    public boolean atLeastOne() {
        return keys == Keys.AT_LEAST_ONE;
    }

    public Shape plus(String newName, String newDescription, Field... more) {
        var all = new java.util.ArrayList<>(fields.values());
        all.addAll(List.of(more));
        return build(newName, newDescription, keys, all);
    }

    private static Shape build(String name, String description, Keys keys, List<Field> list) {
        Map<String, Field> map = new LinkedHashMap<>();
        list.forEach(f -> map.put(f.name(), f));
        return new Shape(name, description, java.util.Collections.unmodifiableMap(map), keys);
    }

    public Field field(String key) {
        Field f = fields.get(key);
        if (f == null) throw new IllegalArgumentException(name + " has no field " + key);
        return f;
    }
}
