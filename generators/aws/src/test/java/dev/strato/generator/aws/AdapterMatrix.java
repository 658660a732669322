package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shared adapter-matrix scenarios (core test-jar, {@code adapter-matrix/<kind>.json}) and the
 * fields AWS cannot supply, which the handler gets as null.
 */
final class AdapterMatrix {

    /** Field paths (under the event) AWS leaves null, per kind: SNS has no delivery count. */
    static final Map<String, List<String>> NULLABLE = Map.of("topic", List.of("messages/*/deliveryAttempt"));

    /** AWS's native sample event (src/test/resources/events) for each scenario. */
    static final Map<String, String> NATIVE_EVENT = Map.of(
            "http", "http-api-v2.json",
            "schedule", "scheduler.json",
            "queue", "sqs.json",
            "topic", "sns.json",
            "bucket", "s3-put.json",
            "table", "dynamodb.json");

    private AdapterMatrix() {}

    /** What the recording stub answers in the scenario: the matrix's answer, "the second id failed" as an index. */
    static String stubAnswer(String kind) {
        JsonNode answer = scenario(kind).get("answer");
        return answer.has("failed") ? "{\"failedIndex\": 1}" : answer.toString();
    }

    /** The invocation's outcome is the Lambda response the matrix scenario asks for. */
    static void assertNativeResponse(String kind, LambdaInvoker.Outcome o, JsonNode event) {
        assertThat(o.ok()).as("invocation succeeded; log:\n%s", o.log()).isTrue();
        JsonNode result = o.result();
        switch (kind) {
            case "http" -> {
                JsonNode expected = scenario("http").get("response");
                assertThat(result.get("statusCode").asInt())
                        .isEqualTo(expected.get("status").asInt());
                assertThat(result.get("headers")).isEqualTo(expected.get("headers"));
                // compared as JSON: Python's json.dumps puts a space after separators
                assertThat(LambdaInvoker.JSON.readTree(result.get("body").asString()))
                        .isEqualTo(
                                LambdaInvoker.JSON.readTree(expected.get("body").asString()));
                assertThat(result.get("isBase64Encoded").asBoolean()).isFalse();
                assertThat(result.has("cookies")).isFalse();
            }
            case "queue", "table" -> {
                String second = event.get(kind.equals("queue") ? "messages" : "changes")
                        .get(1)
                        .get("id")
                        .asString();
                assertThat(result)
                        .isEqualTo(LambdaInvoker.JSON.readTree(
                                "{\"batchItemFailures\": [{\"itemIdentifier\": \"" + second + "\"}]}"));
            }
            default ->
                assertThat(result.isNull())
                        .as("%s: Lambda ignores the result", kind)
                        .isTrue();
        }
    }

    static JsonNode scenario(String kind) {
        try (InputStream in = AdapterMatrix.class.getResourceAsStream("/adapter-matrix/" + kind + ".json")) {
            assertThat(in)
                    .as("adapter-matrix/%s.json on the test classpath", kind)
                    .isNotNull();
            return LambdaInvoker.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The neutral event AWS must deliver for the scenario: the matrix's, with AWS's nullable fields null. */
    static JsonNode expectedEvent(String kind) {
        JsonNode event = scenario(kind).get("event").deepCopy();
        for (String path : NULLABLE.getOrDefault(kind, List.of())) nullOut(event, path.split("/"), 0);
        return event;
    }

    private static void nullOut(JsonNode node, String[] path, int i) {
        if (node == null) return;
        if (i == path.length - 1) {
            if (node instanceof ObjectNode o) o.putNull(path[i]);
            return;
        }
        if (path[i].equals("*")) {
            for (JsonNode child : node) nullOut(child, path, i + 1);
        } else {
            nullOut(node.get(path[i]), path, i + 1);
        }
    }

    /** {@code actual} equals {@code expected}, where {@code "*"} in expected is any non-null value. */
    static void assertMatches(JsonNode actual, JsonNode expected) {
        List<String> problems = new ArrayList<>();
        compare("", actual, expected, problems);
        assertThat(problems)
                .as("neutral event %s\nexpected %s", actual, expected)
                .isEmpty();
    }

    private static void compare(String at, JsonNode actual, JsonNode expected, List<String> problems) {
        if (expected.isString() && expected.asString().equals("*")) {
            if (actual == null || actual.isNull() || actual.isMissingNode())
                problems.add(at + ": missing, expected a value");
            return;
        }
        if (actual == null) actual = JsonNodeFactory.instance.missingNode();
        if (expected.isObject() && actual.isObject()) {
            for (String name : expected.propertyNames())
                compare(at + "/" + name, actual.get(name), expected.get(name), problems);
            for (String name : actual.propertyNames())
                if (!expected.has(name)) problems.add(at + "/" + name + ": unexpected field");
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) compare(at + "/" + i, actual.get(i), expected.get(i), problems);
        } else if (!(expected.isNumber()
                        && actual.isNumber()
                        && expected.decimalValue().compareTo(actual.decimalValue()) == 0)
                && !expected.equals(actual)) {
            problems.add(at + ": " + actual + " instead of " + expected);
        }
    }
}
