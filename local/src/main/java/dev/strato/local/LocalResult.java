package dev.strato.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a local invoke gave: the neutral event the handler got ({@code null} when it was not
 * called, e.g. a malformed HTTP body), its answer (HTTP: the response; batches: {@code {failed}};
 * others: the handler's return value), the error it threw or the timeout, and its log lines.
 */
public record LocalResult(
        String function,
        String kind,
        Object event,
        Object answer,
        Failure error,
        List<LogLine> logs,
        long durationMs,
        String runtime) {

    public LocalResult {
        logs = List.copyOf(logs);
    }

    /** The handler threw ({@code stack} may be null), or ran out of time. */
    public record Failure(String message, String stack, boolean timedOut) {}

    public boolean failed() {
        return error != null;
    }

    /** {@code {function, event, result, logs, durationMs}}, plus {@code error} when the handler failed. */
    public Map<String, Object> toJson(boolean stacktrace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", function);
        m.put("kind", kind);
        m.put("event", event);
        m.put("result", answer);
        m.put("logs", logs.stream().map(LogLine::toJson).toList());
        m.put("durationMs", durationMs);
        if (error != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("message", error.message());
            if (error.timedOut()) e.put("timeout", true);
            if (stacktrace && error.stack() != null) e.put("stack", error.stack());
            m.put("error", e);
        }
        return m;
    }
}
