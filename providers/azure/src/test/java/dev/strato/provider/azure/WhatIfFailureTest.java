package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A what-if that ARM ends with status Failed (e.g. a template validation error) is one line with ARM's code and message. */
class WhatIfFailureTest {

    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", null);
        arm.token();
        arm.groupExists("resources/group.json");
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(404, "resources/deployment-not-found.json")));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void aFailedWhatIfIsOneLine() {
        arm.stub(post(urlPathEqualTo(arm.deploymentPath() + "/whatIf"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Location", arm.base() + "/operationresults/whatif-1")
                        .withHeader("Retry-After", "0")));
        arm.stub(
                get(urlPathEqualTo("/operationresults/whatif-1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":\"Failed\",\"error\":{\"code\":\"InvalidTemplate\",\"message\":\"Deployment template validation failed: 'The resource 'x' is not defined in the template.'\"}}")));
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("hello-http"))) {
            assertThatThrownBy(() -> s.diff(ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(
                            "could not run what-if for deployment strato-hello-http-dev: InvalidTemplate: Deployment template validation failed: 'The resource 'x' is not defined in the template.'");
        }
    }
}
