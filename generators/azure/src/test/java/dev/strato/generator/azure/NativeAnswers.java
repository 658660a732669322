package dev.strato.generator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * What Azure gets back from an adapted function: the HTTP output binding's response (Node.js v3:
 * {@code {status, headers, body, isRaw}}; Python: an {@code HttpResponse}), a failed invocation
 * for a batch with failed items (Azure settles the whole batch), or a successful one.
 */
final class NativeAnswers {

    private NativeAnswers() {}

    static void assertAnswer(AdapterRun.Runtime runtime, String kind, AdapterRun.Result r) {
        JsonNode answer = MatrixScenarios.answer(kind);
        if (kind.equals("http")) {
            JsonNode expected = MatrixScenarios.scenario(kind).get("response");
            assertThat(status(runtime, r)).isEqualTo(expected.get("status").asInt());
            MatrixScenarios.assertMatches(
                    expected.get("headers"), r.out().get("result").get("headers"), "response headers");
            // JSON bodies compared as JSON: Python's json.dumps puts a space after ':' and ','
            assertThat(AdapterRun.JSON.readTree(body(runtime, r)))
                    .isEqualTo(AdapterRun.JSON.readTree(expected.get("body").asString()));
            if (runtime == AdapterRun.Runtime.NODE)
                assertThat(r.out().get("result").get("isRaw").asBoolean()).isTrue();
        } else if (answer.has("failed")) {
            assertThat(r.ok())
                    .as("a failed item fails the invocation: " + r.out())
                    .isFalse();
            assertThat(r.out().get("error").asString())
                    .startsWith("1 of "
                            + r.event()
                                    .get(kind.equals("table") ? "changes" : "messages")
                                    .size());
            assertThat(r.logs()).contains("the invocation fails so that Azure retries all");
        } else {
            assertThat(r.ok()).as("invocation succeeded: " + r.out()).isTrue();
        }
    }

    static int status(AdapterRun.Runtime runtime, AdapterRun.Result r) {
        return r.out().get("result").get("status").asInt();
    }

    static String body(AdapterRun.Runtime runtime, AdapterRun.Result r) {
        return r.out().get("result").get("body").asString();
    }
}
