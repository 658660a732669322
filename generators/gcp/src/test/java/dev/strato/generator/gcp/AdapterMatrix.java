package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The shared scenarios of {@code adapter-matrix/} (core test-jar): the neutral event each trigger
 * kind must deliver. {@code "*"} is any value of the sample's, non-null unless GCP lists the field
 * in {@link #NULLABLE}.
 */
final class AdapterMatrix {

    /** Fields GCP can leave null: Pub/Sub sets deliveryAttempt only on subscriptions with a dead-letter policy. */
    static final Set<String> NULLABLE = Set.of("deliveryAttempt");

    private AdapterMatrix() {}

    static JsonNode scenario(String kind) throws IOException {
        try (InputStream in = AdapterMatrix.class.getResourceAsStream("/adapter-matrix/" + kind + ".json")) {
            if (in == null) throw new IOException("no adapter-matrix/" + kind + ".json on the test classpath");
            return NativeRequest.JSON.readTree(in);
        }
    }

    static void assertMatches(JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("", null, expected, actual, problems);
        assertThat(problems).as("neutral event %s", actual).isEmpty();
    }

    private static void compare(String path, String field, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isString() && expected.asString().equals("*")) {
            if ((actual == null || actual.isNull()) && !NULLABLE.contains(field))
                problems.add(path + ": expected a value, got null");
            return;
        }
        if (actual == null) {
            problems.add(path + ": missing");
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                problems.add(path + ": expected an object, got " + actual);
                return;
            }
            Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                if (!expected.has(name)) problems.add(path + "." + name + ": unexpected " + actual.get(name));
                else compare(path + "." + name, name, expected.get(name), actual.get(name), problems);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                problems.add(path + ": expected " + expected + ", got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++)
                compare(path + "[" + i + "]", field, expected.get(i), actual.get(i), problems);
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0)
                problems.add(path + ": expected " + expected + ", got " + actual);
        } else if (!expected.equals(actual)) {
            problems.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
