package dev.strato.importer;

import dev.strato.model.diag.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of an imported file with the position it came from. CloudFormation intrinsic functions,
 * short ({@code !GetAtt a.b}) or long ({@code {"Fn::GetAtt": [a, b]}}), are {@link Fn} nodes.
 */
public sealed interface Src permits Src.Obj, Src.Seq, Src.Scalar, Src.Fn {

    Position position();

    /** A map with string keys in file order, remembering where each key is. */
    record Obj(Map<String, Entry> entries, Position position) implements Src {
        public record Entry(String key, Position keyPosition, Src value) {}

        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Src get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Position at(String key) {
            Entry e = entries.get(key);
            return e == null ? position : e.keyPosition();
        }

        /** The value of {@code key} when it is a map, else null. */
        public Obj obj(String key) {
            return get(key) instanceof Obj o ? o : null;
        }

        /** The value of {@code key} as text when it is a plain scalar, else null. */
        public String text(String key) {
            return get(key) instanceof Scalar s && s.value() != null ? s.text() : null;
        }

        public List<Src> list(String key) {
            Src v = get(key);
            if (v instanceof Seq s) return s.items();
            return v == null ? List.of() : List.of(v);
        }
    }

    record Seq(List<Src> items, Position position) implements Src {
        public Seq {
            items = List.copyOf(items);
        }
    }

    /** {@code value} is a String, Long, Double, Boolean or null; {@code text} is as written. */
    record Scalar(Object value, String text, Position position) implements Src {
        public boolean isString() {
            return value instanceof String;
        }
    }

    /**
     * An intrinsic function: {@code name} in its long form ({@code Ref}, {@code Fn::GetAtt},
     * {@code Fn::Sub}, ...; an unknown short tag keeps its {@code !}).
     */
    record Fn(String name, Src argument, Position position) implements Src {
        /** The short name: GetAtt, Sub, Ref. */
        public String shortName() {
            return name.startsWith("Fn::") ? name.substring(4) : name;
        }

        /** Arguments as a list (a scalar argument is a list of one). */
        public List<Src> args() {
            return argument instanceof Seq s ? s.items() : List.of(argument);
        }

        public String display() {
            return "!" + shortName();
        }
    }

    /** The plain Java value of a node without intrinsics: maps, lists, scalars; null when it holds one. */
    static Object plain(Src node) {
        if (node instanceof Scalar s) return s.value();
        if (node instanceof Seq s) {
            List<Object> list = new ArrayList<>();
            for (Src item : s.items()) {
                Object v = plain(item);
                if (v == null && !(item instanceof Scalar)) return null;
                list.add(v);
            }
            return list;
        }
        if (node instanceof Obj o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Obj.Entry e : o.entries().values()) {
                Object v = plain(e.value());
                if (v == null && !(e.value() instanceof Scalar)) return null;
                map.put(e.key(), v);
            }
            return map;
        }
        return null;
    }

    /** The first intrinsic function inside a node, or null. */
    static Fn firstFn(Src node) {
        if (node instanceof Fn f) return f;
        if (node instanceof Seq s) {
            for (Src item : s.items()) {
                Fn f = firstFn(item);
                if (f != null) return f;
            }
        }
        if (node instanceof Obj o) {
            for (Obj.Entry e : o.entries().values()) {
                Fn f = firstFn(e.value());
                if (f != null) return f;
            }
        }
        return null;
    }
}
