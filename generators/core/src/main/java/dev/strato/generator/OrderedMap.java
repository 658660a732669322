package dev.strato.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Documents as data: an ordered, mutable map from alternating keys and values, null values left out. */
public final class OrderedMap {

    private OrderedMap() {}

    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values must alternate");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
