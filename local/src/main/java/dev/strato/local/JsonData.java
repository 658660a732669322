package dev.strato.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the user gives and the runner exchanges; malformed input is a usage error with its position. */
public final class JsonData {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonData() {}

    /** {@code text} as JSON (maps, lists, strings, numbers, booleans, null), or a usage error naming {@code what} and the position. */
    public static Object parse(String text, String what) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String reason =
                    String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw LocalInvokeException.usage(what + " is not valid JSON" + position + ": " + reason);
        }
    }

    /** A JSON object, else a usage error. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text, String what) {
        Object value = parse(text, what);
        if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw LocalInvokeException.usage(what + " must be a JSON object, not " + describe(value));
    }

    /** JSON when it starts like an object or array (then it must be valid) or parses as JSON, else the text itself. */
    public static Object parseOrText(String text, String what) {
        if (looksLikeJson(text)) return parse(text, what);
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            return text;
        }
    }

    static boolean looksLikeJson(String text) {
        String t = text.strip();
        return t.startsWith("{") || t.startsWith("[");
    }

    static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof java.util.List) return "an array";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        return "a number";
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static String pretty(Object value) {
        return PRETTY.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
