package dev.strato.local;

import dev.strato.model.service.Event;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The raw parts of the event a trigger would deliver, built from the model and the user's data;
 * the runner turns them into the neutral event with the adapter core's builders. What each kind
 * makes of {@code --data} is documented in docs/HANDLERS.md ("Run a handler locally").
 */
final class NeutralRequests {

    static final String EXAMPLE_ID = "example-id";

    private NeutralRequests() {}

    static Map<String, Object> build(
            Service service, Optional<Event> trigger, InvokeRequest request, Instant now, Consumer<String> warn) {
        String data = request.text();
        if (trigger.isEmpty())
            return java.util.Collections.singletonMap(
                    "event", data == null ? Map.of() : JsonData.parseOrText(data, "--data"));
        Event e = trigger.get();
        if (e instanceof Event.Http h) return HttpRequests.build(h, request, warn);
        if (e instanceof Event.Queue) return messages(data, Map.of(), warn);
        if (e instanceof Event.Topic t) return messages(data, attributesPassing(t), warn);
        if (e instanceof Event.Schedule s) return schedule(s, data, now);
        if (e instanceof Event.Bucket b) return bucket(b, data, now);
        return changes(service, (Event.Table) e, data);
    }

    /** One message with {@code data} as its body, or one per element of a JSON array; ids msg-1, msg-2, ... */
    private static Map<String, Object> messages(String data, Map<String, String> attributes, Consumer<String> warn) {
        List<String> bodies = new ArrayList<>();
        if (data == null) {
            warn.accept("no --data: one message with an empty body");
            bodies.add(null);
        } else if (data.strip().startsWith("[")) {
            for (Object element : (List<?>) JsonData.parse(data, "--data")) {
                bodies.add(element instanceof String s ? s : JsonData.write(element));
            }
        } else {
            if (JsonData.looksLikeJson(data)) JsonData.parse(data, "--data");
            bodies.add(data);
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String body : bodies) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "msg-" + (messages.size() + 1));
            m.put("body", body);
            m.put("attributes", attributes);
            m.put("deliveryAttempt", 1);
            messages.add(m);
        }
        return Map.of("messages", messages);
    }

    /** Attributes that pass the subscription's filter (each key's first allowed value), as a real publisher would send. */
    private static Map<String, String> attributesPassing(Event.Topic topic) {
        Map<String, String> attributes = new LinkedHashMap<>();
        topic.filter().forEach((key, values) -> {
            if (!values.isEmpty()) attributes.put(key, values.get(0));
        });
        return attributes;
    }

    private static Map<String, Object> schedule(Event.Schedule s, String data, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", iso(now));
        out.put("input", data == null ? s.input() : JsonData.parse(data, "--data"));
        return out;
    }

    /** An object of the bucket (its logical name) under the trigger's prefix and suffix, with {@code data} merged on top. */
    private static Map<String, Object> bucket(Event.Bucket b, String data, Instant now) {
        Map<String, Object> given = data == null ? Map.of() : JsonData.parseObject(data, "--data");
        String action = String.valueOf(given.getOrDefault(
                "action", b.on().isEmpty() ? "created" : b.on().get(0).id()));
        String key = String.valueOf(given.getOrDefault(
                "key", (b.prefix() == null ? "" : b.prefix()) + "example" + (b.suffix() == null ? "" : b.suffix())));
        boolean created = action.equals("created");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bucket", b.bucket());
        out.put("key", key);
        out.put("size", created ? 1024 : null);
        out.put("etag", created ? md5(key) : null);
        out.put("action", action);
        out.put("time", iso(now));
        out.putAll(given);
        return out;
    }

    /**
     * One change (a JSON object) or several (a JSON array of objects), each merged onto a default
     * change: action insert, the table's key set to example-id, and the images the action implies.
     */
    private static Map<String, Object> changes(Service service, Event.Table t, String data) {
        List<Map<String, Object>> given = new ArrayList<>();
        if (data == null) {
            given.add(Map.of());
        } else if (data.strip().startsWith("[")) {
            for (Object element : (List<?>) JsonData.parse(data, "--data")) {
                if (!(element instanceof Map<?, ?>))
                    throw LocalInvokeException.usage(
                            "--data: each change must be a JSON object, not " + JsonData.describe(element));
                given.add(JsonData.parseObject(JsonData.write(element), "--data"));
            }
        } else {
            given.add(JsonData.parseObject(data, "--data"));
        }
        Map<String, Object> key = defaultKey(service.resources().get(t.table()));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map<String, Object> g : given) {
            String action = String.valueOf(g.getOrDefault("action", "insert"));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", "change-" + (changes.size() + 1));
            c.put("action", action);
            c.put("key", key);
            c.put("new", action.equals("remove") ? null : key);
            c.put("old", action.equals("insert") ? null : key);
            c.putAll(g);
            changes.add(c);
        }
        return Map.of("changes", changes);
    }

    private static Map<String, Object> defaultKey(Resource resource) {
        Map<String, Object> key = new LinkedHashMap<>();
        if (resource instanceof Resource.Table table) {
            key.put(table.partition().name(), EXAMPLE_ID);
            if (table.sort() != null) key.put(table.sort().name(), "example");
        } else {
            key.put("id", EXAMPLE_ID);
        }
        return key;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
