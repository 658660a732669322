package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import dev.strato.provider.azure.testing.Azurite;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploys through faults that WireMock injects on its HTTPS port: 429 with Retry-After, 5xx bursts,
 * connections reset and closed without an answer. The pipeline's retry policy (exponential backoff,
 * Retry-After honoured, I/O failures retried) rides them out; a fault that does not clear ends in one
 * line after a bounded number of attempts.
 */
class DeployFaultsIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    private final ServiceTarget target = AzureTestTargets.example("hello-http");
    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", AZURITE.blobEndpoint());
        arm.token();
        arm.groupExists("resources/group.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    /** The first {@code n} requests get {@code fault}; later ones {@code ok}. */
    private void firstN(
            String name,
            Supplier<MappingBuilder> request,
            int n,
            Supplier<ResponseDefinitionBuilder> fault,
            ResponseDefinitionBuilder ok) {
        for (int i = 0; i < n; i++) {
            arm.stub(request.get()
                    .inScenario(name)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willSetStateTo("s" + (i + 1))
                    .willReturn(fault.get()));
        }
        arm.stub(request.get().inScenario(name).whenScenarioStateIs("s" + n).willReturn(ok));
    }

    @Test
    void throttlingBurstsAndDroppedConnectionsAreRiddenOut() {
        // what-if throttled twice (429, Retry-After: 1 s), then accepted
        firstN(
                "whatif",
                () -> post(urlPathEqualTo(arm.deploymentPath() + "/whatIf")),
                2,
                () -> aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Rate limit exceeded\"}}"),
                aResponse()
                        .withStatus(202)
                        .withHeader("Location", arm.base() + "/operationresults/whatif-1")
                        .withHeader("Retry-After", "0"));
        arm.stub(get(urlPathEqualTo("/operationresults/whatif-1"))
                .willReturn(arm.json(200, "resources/whatif-create.json")));
        // the deployment's operations: the connection reset twice
        arm.server.resetScenarios();
        arm.stub(get(urlPathEqualTo(arm.deploymentPath() + "/operations"))
                .atPriority(1)
                .inScenario("ops")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ops1")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        arm.stub(get(urlPathEqualTo(arm.deploymentPath() + "/operations"))
                .atPriority(1)
                .inScenario("ops")
                .whenScenarioStateIs("ops1")
                .willSetStateTo("ops2")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // the storage account: a connection closed without an answer, then a 503 burst on the site
        firstN(
                "storage",
                () -> get(urlPathEqualTo(
                        arm.group() + "/providers/Microsoft.Storage/storageAccounts/" + AzureWireMock.STORAGE)),
                1,
                () -> aResponse().withFault(Fault.EMPTY_RESPONSE),
                arm.json(200, "storage/storage-account.json"));
        firstN(
                "site",
                () -> get(urlPathEqualTo(arm.site())),
                3,
                () -> aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}"),
                arm.json(200, "web/site.json"));
        arm.stub(get(urlPathEqualTo(arm.site() + "/functions")).willReturn(arm.json(200, "web/functions.json")));
        // one deploy (Flex): the SCM site answers 502 twice, then accepts; the deployment's status once 503
        firstN(
                "publish",
                () -> post(urlPathEqualTo(AzureWireMock.PUBLISH)),
                2,
                () -> aResponse().withStatus(502),
                aResponse().withStatus(202).withHeader("Location", arm.base() + AzureWireMock.DEPLOYMENT_STATUS));
        firstN(
                "status",
                () -> get(urlPathEqualTo(AzureWireMock.DEPLOYMENT_STATUS)),
                1,
                () -> aResponse().withStatus(503),
                arm.json(200, "scm/deployment-success.json"));

        DeployResult r;
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            r = s.deploy(true, ProgressListener.NONE);
        }
        assertThat(r.executed()).isTrue();
        assertThat(r.uploadedArtifacts()).isEqualTo(1);
        assertThat(arm.count("POST", arm.deploymentPath() + "/whatIf")).isEqualTo(3);
        assertThat(arm.count("GET", arm.site())).isGreaterThanOrEqualTo(4);
        assertThat(arm.count("POST", AzureWireMock.PUBLISH)).isEqualTo(3);
        assertThat(arm.count("GET", AzureWireMock.DEPLOYMENT_STATUS)).isEqualTo(2);
    }

    @Test
    void aFaultThatDoesNotClearEndsInOneLineAfterBoundedAttempts() {
        arm.stub(
                post(urlPathEqualTo(arm.deploymentPath() + "/whatIf"))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Encountered internal server error.\\nDiagnostic information: x\"}}")));
        long start = System.nanoTime();
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(
                            "could not run what-if for deployment strato-hello-http-dev: InternalServerError: Encountered internal server error.");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(arm.count("POST", arm.deploymentPath() + "/whatIf"))
                .isEqualTo(AzureTestTargets.FAST.maxRetries() + 1);
        assertThat(arm.count("PUT", arm.deploymentPath()))
                .as("nothing deployed")
                .isZero();
    }

    @Test
    void aConnectionThatKeepsDroppingSaysSo() {
        arm.stub(post(urlPathEqualTo(arm.deploymentPath() + "/whatIf"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(
                            "could not run what-if for deployment strato-hello-http-dev: connection failed (")
                    .hasMessageEndingWith(") after retries");
        }
    }
}
