package dev.strato.model.yaml;

import dev.strato.model.diag.Position;

/**
 * A scalar after YAML 1.2 core-schema tag resolution: {@code value} is a String, Long, Double,
 * Boolean or null. {@code textOffset} is how many columns the text starts after {@code position}
 * (1 for a quoted scalar), or -1 when columns inside the text can't be mapped (block or
 * multi-line scalars).
 */
public record YScalar(Object value, String text, Position position, int textOffset) implements YNode {

    public static YScalar of(Object value, Position at) {
        return new YScalar(value, value == null ? "" : String.valueOf(value), at, -1);
    }

    public boolean isString() {
        return value instanceof String;
    }

    public boolean isNull() {
        return value == null;
    }

    /** The position of the character at {@code index} in the text, when it can be known. */
    public Position positionOf(int index) {
        return textOffset < 0 ? position : position.shifted(textOffset + index);
    }

    @Override
    public String describe() {
        if (value == null) return "null";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof Long) return "an integer";
        return "a number";
    }
}
