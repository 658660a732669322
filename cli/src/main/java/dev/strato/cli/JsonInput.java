package dev.strato.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Checks and reads JSON that users pass in. */
final class JsonInput {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonInput() {}

    /** Null when {@code text} is one JSON value; else what is wrong, with line and column. */
    static String problem(String text) {
        try {
            MAPPER.readTree(text);
            return null;
        } catch (JacksonException e) {
            var at = e.getLocation();
            return "the event is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage();
        }
    }

    /** The JSON value, or the text itself when it is not JSON. */
    static Object parseOrText(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return text;
        }
    }
}
