package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** invoke: HTTP functions with an ID token (WireMock), queue and topic functions through the real Pub/Sub emulator. */
class FunctionInvokerTest {

    @RegisterExtension
    static final PubSubEmulator PUBSUB = new PubSubEmulator();

    @TempDir
    Path home;

    FakeGoogle google;

    @BeforeEach
    void start() {
        google = new FakeGoogle(home);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void anHttpFunctionIsCalledThroughItsUriWithAnIdToken() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        String uri = google.endpoint() + "/run/hello";
        google.function("hello-http-dev-hello", uri);
        google.server.stubFor(post(urlPathEqualTo("/run/hello"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"hello\"}")));
        InvokeResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.invoke(
                    new InvokeRequest("hello", "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8), false, false));
        }
        assertThat(r.failed()).isFalse();
        assertThat(r.payload()).isEqualTo("{\"message\":\"hello\"}");
        var call = google.server
                .findAll(postRequestedFor(urlPathEqualTo("/run/hello")))
                .get(0);
        // the ID token of the refresh answer, not the access token
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + google.idToken);
        assertThat(call.getBodyAsString()).isEqualTo("{\"name\":\"ada\"}");
    }

    @Test
    void aFunctionErrorIsAFailedResult() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        google.function("hello-http-dev-hello", google.endpoint() + "/run/hello");
        google.server.stubFor(post(urlPathEqualTo("/run/hello"))
                .willReturn(aResponse().withStatus(500).withBody("TypeError: cannot read 'x'\n    at handler")));
        try (GcpSession s = google.session(hello)) {
            InvokeResult r = s.invoke(new InvokeRequest("hello", "{}".getBytes(StandardCharsets.UTF_8), false, false));
            assertThat(r.error()).isEqualTo("HTTP 500: TypeError: cannot read 'x'");
        }
    }

    @Test
    void anUnknownFunctionIsRefusedWithASuggestion() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        try (GcpSession s = google.session(hello)) {
            assertThatThrownBy(() -> s.invoke(new InvokeRequest("helo", new byte[0], false, false)))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("unknown function 'helo'")
                    .hasMessageContaining("hello");
        }
    }

    @Test
    void aQueueFunctionIsInvokedByPublishingToItsTopic() throws Exception {
        ServiceTarget orders = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("orders"));
        PUBSUB.rest("PUT", "/v1/projects/demo-proj/topics/orders-dev-order-jobs", "{}");
        PUBSUB.rest(
                "PUT",
                "/v1/projects/demo-proj/subscriptions/check",
                "{\"topic\":\"projects/demo-proj/topics/orders-dev-order-jobs\"}");
        Map<String, String> env = new HashMap<>(google.environment());
        env.put("PUBSUB_EMULATOR_HOST", PUBSUB.host());
        var connection =
                new dev.strato.provider.Connection(FakeGoogle.REGION, null, google.endpoint(), env, FakeGoogle.PROJECT);
        InvokeResult r;
        try (GcpSession s = new GcpSession(connection, orders, FakeGoogle.FAST)) {
            r = s.invoke(new InvokeRequest(
                    "orderWorker", "{\"orderId\":\"o-1\"}".getBytes(StandardCharsets.UTF_8), false, false));
        }
        assertThat(r.failed()).isFalse();
        var published = GoogleRest.JSON.readTree(r.payload());
        assertThat(published.path("published").asString()).isEqualTo("projects/demo-proj/topics/orders-dev-order-jobs");
        String id = published.path("messageId").asString();
        assertThat(id).isNotEmpty();
        var pulled = GoogleRest.JSON.readTree(
                PUBSUB.rest("POST", "/v1/projects/demo-proj/subscriptions/check:pull", "{\"maxMessages\":10}"));
        var message = pulled.path("receivedMessages").get(0).path("message");
        assertThat(message.path("messageId").asString()).isEqualTo(id);
        assertThat(new String(Base64.getDecoder().decode(message.path("data").asString()), StandardCharsets.UTF_8))
                .isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void publishingToATopicThatIsNotThereSaysSo() {
        ServiceTarget orders = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("orders"));
        Map<String, String> env = new HashMap<>(google.environment());
        env.put("PUBSUB_EMULATOR_HOST", PUBSUB.host());
        var connection =
                new dev.strato.provider.Connection(FakeGoogle.REGION, null, google.endpoint(), env, FakeGoogle.PROJECT);
        try (GcpSession s = new GcpSession(connection, orders, FakeGoogle.FAST)) {
            assertThatThrownBy(() -> s.invoke(
                            new InvokeRequest("processPayment", "{}".getBytes(StandardCharsets.UTF_8), false, false)))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(
                            "could not publish to projects/demo-proj/topics/orders-dev-payment-requests: NOT_FOUND");
        }
    }

    @Test
    void aBucketFunctionNeedsAFileAndUploadsIt(@TempDir Path dir) throws Exception {
        ServiceTarget thumbs = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("thumbnails"));
        google.server.stubFor(
                post(urlPathEqualTo("/upload/storage/v1/b/demo-proj-thumbnails-dev-uploads/o"))
                        .willReturn(
                                com.github.tomakehurst.wiremock.client.WireMock.okJson(
                                        "{\"bucket\":\"demo-proj-thumbnails-dev-uploads\",\"name\":\"cat.png\",\"generation\":\"1\"}")));
        Path file = java.nio.file.Files.write(dir.resolve("cat.png"), new byte[] {1, 2, 3});
        try (GcpSession s = google.session(thumbs)) {
            assertThatThrownBy(() -> s.invoke(
                            new InvokeRequest("makeThumbnail", "{}".getBytes(StandardCharsets.UTF_8), false, false)))
                    .hasMessageContaining("pass --file PATH");
            InvokeResult r = s.invoke(
                    new InvokeRequest("makeThumbnail", "{}".getBytes(StandardCharsets.UTF_8), false, false, file));
            assertThat(r.payload()).contains("\"uploaded\":\"gs://demo-proj-thumbnails-dev-uploads/cat.png\"");
        }
        assertThat(google.server.findAll(
                        postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/demo-proj-thumbnails-dev-uploads/o"))
                                .withQueryParam("uploadType", equalTo("multipart"))))
                .hasSize(1);
    }
}
