package dev.strato.generator.gcp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a function host answered to one request, the handler calls the recording stub saw, and the log lines it printed meanwhile. */
record HostResponse(int status, Map<String, String> headers, byte[] body, List<JsonNode> recorded, String log) {

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The one neutral event the handler got. */
    JsonNode event() {
        if (recorded.size() != 1)
            throw new AssertionError("expected one handler call, got " + recorded.size() + "; log:\n" + log);
        return recorded.get(0).get("event");
    }

    JsonNode ctx() {
        event();
        return recorded.get(0).get("ctx");
    }
}
