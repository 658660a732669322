package dev.strato.generator.aws;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for template trees as plain maps and lists. */
final class Trees {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Trees() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** A single value or a list, as a list. */
    static List<Object> listOf(Object o) {
        return o instanceof List<?> ? list(o) : o == null ? List.of() : List.of(o);
    }

    /** The same tree with JSON's value types (what a parsed template has), without empty maps. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normalized(Object tree) {
        Map<String, Object> copy = JSON.readValue(JSON.writeValueAsString(tree), LinkedHashMap.class);
        dropEmptyMaps(copy);
        return copy;
    }

    private static void dropEmptyMaps(Object o) {
        if (o instanceof Map<?, ?> m) {
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                dropEmptyMaps(e.getValue());
                if (e.getValue() instanceof Map<?, ?> v && v.isEmpty()) it.remove();
            }
        } else if (o instanceof List<?> l) {
            l.forEach(Trees::dropEmptyMaps);
        }
    }

    /** JSON with every map's keys sorted, to compare trees whatever their key order. */
    static String json(Object o) {
        return SORTED.writeValueAsString(o);
    }
}
