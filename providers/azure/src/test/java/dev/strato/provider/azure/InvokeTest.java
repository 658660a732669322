package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.ServiceTarget;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * invoke: an HTTP function through its URL with the function key read from the management API; a
 * timer (non-HTTP) function through the host's admin endpoint with the master key; a function's
 * HTTP 500 is its error.
 */
class InvokeTest {

    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", null);
        arm.token();
        arm.app();
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void httpFunctionThroughItsUrlWithTheFunctionKey() {
        arm.stub(get(urlPathEqualTo(arm.site() + "/functions/hello"))
                .willReturn(arm.json(200, "web/function-hello.json")));
        arm.stub(post(urlPathEqualTo(arm.site() + "/functions/hello/listkeys"))
                .willReturn(arm.json(200, "web/function-keys.json")));
        arm.stub(get(urlPathEqualTo("/hello"))
                .withHeader("x-functions-key", equalTo("fn-key-0123456789abcdef"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("Hello, world!")));
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("hello-http"))) {
            InvokeResult r = s.invoke(new InvokeRequest("hello", "{}".getBytes(StandardCharsets.UTF_8), false, false));
            assertThat(r.failed()).isFalse();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.payload()).isEqualTo("Hello, world!");
        }
        assertThat(arm.unmatchedList()).isEqualTo("[]");
    }

    @Test
    void aFunctionErrorIsReportedWithItsStatusAndMessage() {
        arm.stub(get(urlPathEqualTo(arm.site() + "/functions/hello"))
                .willReturn(arm.json(200, "web/function-hello.json")));
        arm.stub(post(urlPathEqualTo(arm.site() + "/functions/hello/listkeys"))
                .willReturn(arm.json(200, "web/function-keys.json")));
        arm.stub(get(urlPathEqualTo("/hello"))
                .willReturn(aResponse().withStatus(500).withBody("TypeError: Cannot read properties of undefined")));
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("hello-http"))) {
            InvokeResult r = s.invoke(new InvokeRequest("hello", "{}".getBytes(StandardCharsets.UTF_8), false, false));
            assertThat(r.failed()).isTrue();
            assertThat(r.error()).isEqualTo("HTTP 500: TypeError: Cannot read properties of undefined");
        }
        // the function ran once: its error is its answer, not a fault to retry
        assertThat(arm.count("GET", "/hello")).isEqualTo(1);
    }

    @Test
    void timerFunctionThroughTheAdminEndpointWithTheMasterKey() {
        ServiceTarget orders = AzureTestTargets.example("orders");
        AzureWireMock o = arm;
        String site = o.group() + "/providers/Microsoft.Web/sites/" + AzureWireMock.APP;
        // the orders service has its own deployment name; its app answers like hello-http's
        o.close();
        arm = new AzureWireMock("strato-orders-dev", null);
        arm.token();
        arm.app();
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
        arm.stub(post(urlPathEqualTo(site + "/host/default/listkeys")).willReturn(arm.json(200, "web/host-keys.json")));
        arm.stub(post(urlPathEqualTo("/admin/functions/nightlyReport"))
                .withHeader("x-functions-key", equalTo("master-key-0123456789abcdef"))
                .willReturn(aResponse().withStatus(202)));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), orders)) {
            InvokeResult r = s.invoke(new InvokeRequest(
                    "nightlyReport", "{\"lookbackHours\":2}".getBytes(StandardCharsets.UTF_8), false, false));
            assertThat(r.failed()).isFalse();
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(r.payload()).isEmpty();
        }
        arm.server.verify(postRequestedFor(urlPathEqualTo("/admin/functions/nightlyReport"))
                .withRequestBody(equalToJson("{\"input\":\"{\\\"lookbackHours\\\":2}\"}")));
    }

    @Test
    void routeParametersAreFilledFromTheData() {
        assertThat(FunctionInvoker.fill("https://h/api/orders/{id}", "{\"id\":\"o 1\"}"))
                .isEqualTo("https://h/api/orders/o+1");
        assertThat(FunctionInvoker.fill("https://h/api/hello/{name?}", "[]")).isEqualTo("https://h/api/hello/");
    }
}
