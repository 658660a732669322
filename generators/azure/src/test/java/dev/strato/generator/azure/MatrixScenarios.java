package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared adapter matrix (generators/core test resources, {@code adapter-matrix/}) as Azure
 * delivers it: the neutral event of each scenario, minus what Azure cannot supply.
 */
final class MatrixScenarios {

    static final String ANY = "*";

    private MatrixScenarios() {}

    static JsonNode scenario(String kind) {
        try (InputStream in = MatrixScenarios.class.getResourceAsStream("/adapter-matrix/" + kind + ".json")) {
            return AdapterRun.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode answer(String kind) {
        return scenario(kind).get("answer");
    }

    /**
     * The event Azure's adapter gives for a scenario: a blob deletion (Event Grid) has no size and
     * no etag; the Cosmos DB change feed has each changed item's latest version only, so no
     * deletions, no old images, and every change is a {@code modify}.
     */
    static ObjectNode azureEvent(String kind, boolean deleted) {
        JsonNode s = scenario(kind);
        ObjectNode event = (ObjectNode) s.get("event").deepCopy();
        if (deleted) {
            event.setAll((ObjectNode) s.get("deleted"));
            event.putNull("etag");
        }
        if (kind.equals("table")) {
            ArrayNode changes = AdapterRun.JSON.createArrayNode();
            for (JsonNode c : event.get("changes")) {
                if (c.get("new").isNull()) continue;
                ObjectNode change = (ObjectNode) c.deepCopy();
                change.put("action", "modify");
                change.putNull("old");
                changes.add(change);
            }
            event.set("changes", changes);
        }
        return event;
    }

    /** {@code actual} equals {@code expected}, where {@code "*"} stands for any non-null value. */
    static void assertMatches(JsonNode expected, JsonNode actual, String what) {
        List<String> problems = new ArrayList<>();
        compare(expected, actual, "$", problems);
        assertThat(problems).as(what + ": " + actual).isEmpty();
    }

    private static void compare(JsonNode expected, JsonNode actual, String at, List<String> problems) {
        if (expected.isString() && expected.asString().equals(ANY)) {
            if (actual == null || actual.isNull() || actual.isContainer())
                problems.add(at + ": expected a value, got " + actual);
            return;
        }
        if (actual == null) {
            problems.add(at + ": missing");
        } else if (expected.isObject() && actual.isObject()) {
            List<String> names = new ArrayList<>(expected.propertyNames());
            for (String name : actual.propertyNames())
                if (!names.contains(name)) problems.add(at + "." + name + ": unexpected");
            for (String name : names) compare(expected.get(name), actual.get(name), at + "." + name, problems);
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            Iterator<JsonNode> a = actual.iterator();
            int i = 0;
            for (JsonNode e : expected) compare(e, a.next(), at + "[" + i++ + "]", problems);
        } else if (expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) != 0
                : !expected.equals(actual)) {
            problems.add(at + ": expected " + expected + ", got " + actual);
        }
    }
}
