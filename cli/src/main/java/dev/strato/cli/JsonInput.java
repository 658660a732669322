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
            return "the event is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + brief(e.getOriginalMessage());
        }
    }

    /** Jackson's message without the parser's location details (the line and column say it). */
    private static String brief(String message) {
        int cut = message.indexOf(" (start marker");
        if (cut < 0) cut = message.indexOf("\n");
        return cut < 0 ? message : message.substring(0, cut);
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
