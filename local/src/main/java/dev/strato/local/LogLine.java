package dev.strato.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** A line the handler's process wrote: a ctx.log record (a JSON object) or anything else it printed. */
public record LogLine(String text, boolean stderr) {

    /** The ctx.log record as an object; any other line as {@code {stream, msg}}. */
    public Object toJson() {
        if (text.startsWith("{")) {
            try {
                Object parsed = JsonData.parse(text, "log line");
                if (parsed instanceof Map<?, ?>) return parsed;
            } catch (LocalInvokeException e) {
                // printed text that merely starts with a brace
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stream", stderr ? "stderr" : "stdout");
        m.put("msg", text);
        return m;
    }

    /** Receives each line as the process writes it. */
    @FunctionalInterface
    public interface Listener {
        void line(LogLine line);
    }
}
