package dev.strato.local;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user asked for: the function, the trigger kind ({@code null}: the function's first),
 * the data's bytes ({@code null}: none), and for HTTP the concrete path ({@code null}: the route's),
 * query and headers.
 */
public record InvokeRequest(
        String function,
        String eventKind,
        byte[] data,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        boolean stacktrace) {

    public InvokeRequest {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The data as UTF-8 text, or null when there is none. */
    public String text() {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }
}
