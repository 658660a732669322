package dev.strato.generator.gcp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Encodes a Firestore event's JSON data as the protobuf Eventarc sends by default
 * ({@code google.events.cloud.firestore.v1.DocumentEventData}, field numbers from
 * googleapis/google-cloudevents proto/google/events/cloud/firestore/v1/data.proto).
 */
final class FirestoreProtobuf {

    private FirestoreProtobuf() {}

    static byte[] documentEventData(JsonNode data) {
        Writer w = new Writer();
        if (data.has("value")) w.message(1, document(data.get("value")));
        if (data.has("oldValue")) w.message(2, document(data.get("oldValue")));
        if (data.has("updateMask")) {
            Writer mask = new Writer();
            data.get("updateMask").path("fieldPaths").forEach(p -> mask.string(1, p.asString()));
            w.message(3, mask.bytes());
        }
        return w.bytes();
    }

    private static byte[] document(JsonNode doc) {
        Writer w = new Writer();
        w.string(1, doc.get("name").asString());
        fields(w, 2, doc.path("fields"));
        if (doc.has("createTime")) w.message(3, timestamp(doc.get("createTime").asString()));
        if (doc.has("updateTime")) w.message(4, timestamp(doc.get("updateTime").asString()));
        return w.bytes();
    }

    private static void fields(Writer w, int field, JsonNode fields) {
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            Writer entry = new Writer();
            entry.string(1, e.getKey());
            entry.message(2, value(e.getValue()));
            w.message(field, entry.bytes());
        }
    }

    private static byte[] value(JsonNode v) {
        Writer w = new Writer();
        String type = v.propertyNames().iterator().next();
        JsonNode x = v.get(type);
        switch (type) {
            case "nullValue" -> w.varint(11, 0);
            case "booleanValue" -> w.varint(1, x.asBoolean() ? 1 : 0);
            case "integerValue" -> w.varint(2, Long.parseLong(x.asString()));
            case "doubleValue" -> w.fixed64(3, Double.doubleToLongBits(x.asDouble()));
            case "timestampValue" -> w.message(10, timestamp(x.asString()));
            case "stringValue" -> w.string(17, x.asString());
            case "bytesValue" -> w.bytes(18, Base64.getDecoder().decode(x.asString()));
            case "referenceValue" -> w.string(5, x.asString());
            case "geoPointValue" -> {
                Writer p = new Writer();
                p.fixed64(1, Double.doubleToLongBits(x.get("latitude").asDouble()));
                p.fixed64(2, Double.doubleToLongBits(x.get("longitude").asDouble()));
                w.message(8, p.bytes());
            }
            case "arrayValue" -> {
                Writer a = new Writer();
                x.path("values").forEach(item -> a.message(1, value(item)));
                w.message(9, a.bytes());
            }
            case "mapValue" -> {
                Writer m = new Writer();
                fields(m, 1, x.path("fields"));
                w.message(6, m.bytes());
            }
            default -> throw new IllegalArgumentException("unknown Firestore value " + type);
        }
        return w.bytes();
    }

    private static byte[] timestamp(String rfc3339) {
        Instant t = Instant.parse(rfc3339);
        Writer w = new Writer();
        if (t.getEpochSecond() != 0) w.varint(1, t.getEpochSecond());
        if (t.getNano() != 0) w.varint(2, t.getNano());
        return w.bytes();
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(int field, long value) {
            tag(field, 0);
            raw(value);
        }

        void fixed64(int field, long bits) {
            tag(field, 1);
            out.writeBytes(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(bits)
                    .array());
        }

        void string(int field, String s) {
            bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        void message(int field, byte[] message) {
            bytes(field, message);
        }

        void bytes(int field, byte[] b) {
            tag(field, 2);
            raw(b.length);
            out.writeBytes(b);
        }

        private void tag(int field, int wire) {
            raw(((long) field << 3) | wire);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
