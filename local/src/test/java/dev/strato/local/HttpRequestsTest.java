package dev.strato.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.model.service.Event;
import dev.strato.model.service.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {

    private final List<String> warnings = new ArrayList<>();

    private static Event.Http route(HttpMethod method, String path) {
        return new Event.Http(method, path, null, Event.Auth.NONE);
    }

    private static InvokeRequest request(String data, String path, Map<String, String> headers) {
        return new InvokeRequest(
                "f",
                null,
                data == null ? null : data.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                path,
                Map.of(),
                headers,
                false);
    }

    @Test
    void pathParametersIncludingAGreedyOneAreDecoded() {
        assertThat(HttpRequests.match("/orders/{id}", "/orders/a%20b+c")).containsExactly(Map.entry("id", "a b+c"));
        assertThat(HttpRequests.match("/files/{path+}", "/files/a/b/c.txt"))
                .containsExactly(Map.entry("path", "a/b/c.txt"));
        assertThat(HttpRequests.match("/", "/")).isEmpty();
        assertThat(HttpRequests.matches("/orders/{id}", "/orders")).isFalse();
        assertThat(HttpRequests.matches("/orders/{id}", "/orders/1/items")).isFalse();
        assertThatThrownBy(() -> HttpRequests.match("/orders/{id}", "/users/1"))
                .hasMessage(
                        "--path /users/1 does not match the function's route /orders/{id} (e.g. --path /orders/42)");
    }

    @Test
    void queryFromThePathAndJsonBodyTyped() {
        Map<String, Object> r = HttpRequests.build(
                route(HttpMethod.POST, "/orders/{id}"),
                request("{\"a\":1}", "/orders/7?x=1&y=a+b", Map.of("X-Trace", "t")),
                warnings::add);
        assertThat(r)
                .containsEntry("method", "POST")
                .containsEntry("path", "/orders/7")
                .containsEntry("route", "/orders/{id}")
                .containsEntry("params", Map.of("id", "7"))
                .containsEntry("query", Map.of("x", "1", "y", "a b"))
                .containsEntry("headers", Map.of("x-trace", "t", "content-type", "application/json"))
                .containsEntry("body", "{\"a\":1}")
                .containsEntry("base64", false);
        assertThat(warnings).isEmpty();
    }

    @Test
    void withoutPathTheParametersAreEmptyAndAnyIsGetOrPost() {
        Map<String, Object> r =
                HttpRequests.build(route(HttpMethod.ANY, "/orders/{id}"), request(null, null, Map.of()), warnings::add);
        assertThat(r)
                .containsEntry("method", "GET")
                .containsEntry("path", "/orders/")
                .containsEntry("params", Map.of("id", ""));
        assertThat(warnings)
                .containsExactly(
                        "no --path: path parameter id of route /orders/{id} left empty (give e.g. --path /orders/42)");
        assertThat(HttpRequests.build(route(HttpMethod.ANY, "/x"), request("hi", null, Map.of()), warnings::add))
                .containsEntry("method", "POST")
                .containsEntry("headers", Map.of("content-type", "text/plain; charset=utf-8"));
    }

    @Test
    void aBinaryContentTypeSendsTheBytesInBase64() {
        InvokeRequest png = new InvokeRequest(
                "f",
                null,
                new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                null,
                Map.of(),
                Map.of("Content-Type", "image/png"),
                false);
        assertThat(HttpRequests.build(route(HttpMethod.PUT, "/x"), png, warnings::add))
                .containsEntry("body", "iVBORw==")
                .containsEntry("base64", true);
    }

    @Test
    void malformedJsonIsAUsageErrorWithItsPosition() {
        assertThatThrownBy(() -> HttpRequests.build(
                        route(HttpMethod.POST, "/x"), request("{\"a\":\n tru}", null, Map.of()), warnings::add))
                .isInstanceOfSatisfying(
                        LocalInvokeException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessageStartingWith("--data is not valid JSON at line 2, column 2: ");
        assertThat(HttpRequests.build(
                        route(HttpMethod.POST, "/x"),
                        request("{not json", null, Map.of("content-type", "text/plain")),
                        warnings::add))
                .containsEntry("body", "{not json");
    }
}
