package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import dev.strato.provider.azure.testing.Azurite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * examples/thumbnails has a blob trigger, whose Event Grid subscription's webhook URL carries the host's
 * blobs_extension key: the first deploy runs without the subscriptions, publishes the package, waits
 * for the key (warming the app), then deploys again with them; later deploys need one pass.
 */
class EventSubscriptionsIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    private final ServiceTarget target = AzureTestTargets.example("thumbnails");
    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-thumbnails-dev", AZURITE.blobEndpoint());
        arm.token();
        arm.app();
        arm.groupExists("resources/group.json");
        arm.stub(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)));
        new AzureClients(AzureTestTargets.connection(arm), AzureTestTargets.FAST)
                .blobs(AZURITE.blobEndpoint())
                .getBlobContainerClient("app-package")
                .deleteIfExists();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void secondPassOnceTheHostKeyExistsThenOnePass() {
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded-events.json", "resources/operations-succeeded.json");
        String keys = arm.site() + "/host/default/listkeys";
        arm.stub(
                post(urlPathEqualTo(keys))
                        .inScenario("keys")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("starting")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Encountered an error (ServiceUnavailable) from host runtime.\"}}")));
        arm.stub(post(urlPathEqualTo(keys))
                .inScenario("keys")
                .whenScenarioStateIs("starting")
                .willSetStateTo("up")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"masterKey\":\"m\",\"functionKeys\":{},\"systemKeys\":{}}")));
        arm.stub(
                post(urlPathEqualTo(keys))
                        .inScenario("keys")
                        .whenScenarioStateIs("up")
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"masterKey\":\"m\",\"functionKeys\":{},\"systemKeys\":{\"blobs_extension\":\"bx\"}}")));
        DeployScenariosIT.Recorder progress = new DeployScenariosIT.Recorder();
        DeployResult r;
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.executed()).isTrue();
        assertThat(progress.steps)
                .anyMatch(m -> m.contains(
                        "create its host key blobs_extension (Event Grid calls the function when it subscribes)"));
        assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(arm.deploymentPath()))))
                .hasSize(2);
        assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(arm.deploymentPath()))
                        .withRequestBody(matchingJsonPath(
                                "$.properties.parameters.eventSubscriptions.value",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("false")))))
                .hasSize(1);
        assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(arm.deploymentPath()))
                        .withRequestBody(matchingJsonPath(
                                "$.properties.parameters.eventSubscriptions.value",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))))
                .hasSize(1);
        assertThat(arm.count("POST", keys)).isEqualTo(3);
        assertThat(arm.count("GET", "/")).as("the app was warmed").isGreaterThanOrEqualTo(1);

        // a redeploy compares with the subscriptions on and changes nothing
        arm.whatIf("resources/whatif-nochange.json");
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            DeployResult again = s.deploy(true, new DeployScenariosIT.Recorder());
            assertThat(again.changes()).isFalse();
            assertThat(again.uploadedBytes()).isZero();
        }
        assertThat(arm.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlPathEqualTo(arm.deploymentPath() + "/whatIf"))
                        .withRequestBody(matchingJsonPath(
                                "$.properties.parameters.eventSubscriptions.value",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))))
                .hasSize(1);
        assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(arm.deploymentPath()))))
                .hasSize(2);
    }

    @Test
    void aHostThatNeverMakesTheKeySaysWhatItWaitedFor() {
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded-events.json", "resources/operations-succeeded.json");
        arm.stub(post(urlPathEqualTo(arm.site() + "/host/default/listkeys"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"masterKey\":\"m\",\"systemKeys\":{}}")));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, new DeployScenariosIT.Recorder()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("the host of " + AzureWireMock.APP
                            + " has not created blobs_extension within 2 s, so the Event Grid subscriptions are not deployed yet;"
                            + " check the app's logs, then run 'strato deploy' again");
        }
        assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(arm.deploymentPath()))))
                .hasSize(1);
    }
}
