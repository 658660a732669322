package dev.strato.generator.gcp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One HTTP request as Cloud Run hands it to the Functions Framework, built from a sample in {@code events/}. */
record NativeRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** What Pub/Sub push requests carry (Pub/Sub docs, "Receive messages": push requests). */
    static final String PUSH_USER_AGENT = "APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)";

    /** A described request: {method, path, query, headers, body (JSON) | text}. */
    static NativeRequest http(JsonNode sample) {
        Map<String, String> headers = new LinkedHashMap<>();
        sample.path("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        byte[] body = sample.has("text")
                ? sample.get("text").asString().getBytes(StandardCharsets.UTF_8)
                : sample.has("body") ? JSON.writeValueAsBytes(sample.get("body")) : new byte[0];
        return new NativeRequest(
                sample.get("method").asString(),
                sample.get("path").asString(),
                sample.path("query").asString(""),
                headers,
                body);
    }

    /** A Pub/Sub push request: the envelope as the JSON body. */
    static NativeRequest push(JsonNode envelope) {
        return new NativeRequest(
                "POST",
                "/",
                "",
                Map.of("Content-Type", "application/json", "User-Agent", PUSH_USER_AGENT),
                JSON.writeValueAsBytes(envelope));
    }

    /** A CloudEvent in binary content mode: attributes as ce- headers, data as the body (CloudEvents HTTP binding, 3.1). */
    static NativeRequest binary(JsonNode event) {
        return binary(
                event,
                event.path("datacontenttype").asString("application/json"),
                JSON.writeValueAsBytes(event.get("data")));
    }

    static NativeRequest binary(JsonNode event, String contentType, byte[] data) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.properties().forEach(e -> {
            if (!e.getKey().equals("data") && !e.getKey().equals("datacontenttype"))
                headers.put("ce-" + e.getKey(), e.getValue().asString());
        });
        headers.put("Content-Type", contentType);
        return new NativeRequest("POST", "/", "", headers, data);
    }

    /** A CloudEvent in structured content mode: the whole event as application/cloudevents+json (CloudEvents HTTP binding, 3.2). */
    static NativeRequest structured(JsonNode event) {
        return new NativeRequest(
                "POST",
                "/",
                "",
                Map.of("Content-Type", "application/cloudevents+json; charset=utf-8"),
                JSON.writeValueAsBytes(event));
    }

    /** The same CloudEvent with its data replaced by bytes in data_base64 (structured mode for non-JSON data). */
    static JsonNode withBase64Data(JsonNode event, String contentType, byte[] data) {
        ObjectNode copy = (ObjectNode) event.deepCopy();
        copy.remove("data");
        copy.put("datacontenttype", contentType);
        copy.put("data_base64", java.util.Base64.getEncoder().encodeToString(data));
        return copy;
    }

    String uri(int port) {
        return "http://127.0.0.1:" + port + path + (query.isEmpty() ? "" : "?" + query);
    }
}
