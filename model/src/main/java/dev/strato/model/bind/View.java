package dev.strato.model.bind;

import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Typed access to the keys of one map of strato.yml; every key is declared in its {@link Shape}. */
final class View {

    private final Reader reader;
    private final YMap map;
    private final String path;
    private final Shape shape;

    View(Reader reader, YMap map, String path, Shape shape) {
        this.reader = reader;
        this.map = map;
        this.path = path;
        this.shape = shape;
    }

    String path() {
        return path;
    }

    String path(String key) {
        return Reader.join(path, key);
    }

    YMap map() {
        return map;
    }

    /** The node of a declared key, or null when absent or written as null. */
    YNode node(String key) {
        shape.field(key);
        YNode n = map.get(key);
        return n == null || Reader.isNull(n) ? null : n;
    }

    boolean has(String key) {
        return node(key) != null;
    }

    /** Reports {@code key} written with no value ({@code aws:} alone), which would read as absent; returns whether it was. */
    boolean emptyValue(String key, String message) {
        YNode n = map.get(key);
        if (n == null || !Reader.isNull(n)) return false;
        reader.error(n, path(key), message);
        return true;
    }

    private <T extends Type> T type(String key, Class<T> kind) {
        Type t = shape.field(key).type();
        if (t instanceof Type.Either e) t = kind.isInstance(e.shortForm()) ? e.shortForm() : e.longForm();
        return kind.cast(t);
    }

    String text(String key) {
        YNode n = node(key);
        return n == null ? null : reader.text(n, path(key), type(key, Type.Text.class));
    }

    Integer integer(String key) {
        YNode n = node(key);
        Long v = n == null ? null : reader.integer(n, path(key), type(key, Type.Int.class));
        return v == null ? null : v.intValue();
    }

    Boolean bool(String key) {
        YNode n = node(key);
        return n == null ? null : reader.bool(n, path(key));
    }

    String choice(String key) {
        YNode n = node(key);
        return n == null ? null : reader.choice(n, path(key), type(key, Type.Choice.class));
    }

    Duration duration(String key) {
        YNode n = node(key);
        return n == null ? null : reader.duration(n, path(key));
    }

    Integer sizeMb(String key) {
        YNode n = node(key);
        return n == null ? null : reader.sizeMb(n, path(key));
    }

    List<String> texts(String key) {
        YNode n = node(key);
        return n == null ? null : reader.texts(n, path(key));
    }

    List<YNode> list(String key) {
        YNode n = node(key);
        return n == null ? List.of() : reader.list(n, path(key));
    }

    Map<String, YMap.Entry> entries(String key) {
        YNode n = node(key);
        return n == null ? Map.of() : reader.entries(n, path(key), type(key, Type.MapOf.class));
    }

    View object(String key) {
        YNode n = node(key);
        return n == null
                ? null
                : reader.object(n, path(key), type(key, Type.Obj.class).shape());
    }
}
