package dev.strato.model.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** An enum written in strato.yml by a lower-case id. */
public interface Named {

    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & Named> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Named::id).toList();
    }
}
