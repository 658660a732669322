package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Missing and expired credentials give one line that says how to sign in; nothing is sent to ARM
 * without a token. The chain is DefaultAzureCredential's (limited to the environment's service
 * principal with an endpoint override, so no test probes the instance metadata address).
 */
class CredentialsTest {

    private final ServiceTarget target = AzureTestTargets.example("hello-http");
    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", null);
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    @Test
    void missingCredentialsSayHowToSignIn() {
        Map<String, String> env =
                Map.of("AZURE_SUBSCRIPTION_ID", AzureWireMock.SUB, "AZURE_DEFAULTS_GROUP", AzureWireMock.RG);
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(URI.create(arm.base()), env), target)) {
            assertThatThrownBy(s::info).isInstanceOf(ProviderException.class).hasMessage(Credentials.missing());
        }
        assertThat(Credentials.missing())
                .contains("az login")
                .contains("AZURE_FEDERATED_TOKEN_FILE")
                .doesNotContain("\n");
        assertThat(arm.server.getAllServeEvents()).as("nothing reached ARM").isEmpty();
    }

    @Test
    void aCredentialFailureIsNotRetriedEvenWithTheDefaultPatience() {
        Map<String, String> env =
                Map.of("AZURE_SUBSCRIPTION_ID", AzureWireMock.SUB, "AZURE_DEFAULTS_GROUP", AzureWireMock.RG);
        long start = System.nanoTime();
        try (AzureSession s = new AzureSession(
                AzureTestTargets.connection(URI.create(arm.base()), env), target, ClientSettings.DEFAULT)) {
            assertThatThrownBy(s::info).isInstanceOf(ProviderException.class).hasMessage(Credentials.missing());
        }
        // the default backoff would take about 50 s over 6 retries
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(10));
    }

    @Test
    void anExpiredClientSecretIsNamedWithItsEntraCode() {
        arm.stub(post(urlPathEqualTo("/" + AzureWireMock.TENANT + "/oauth2/v2.0/token"))
                .willReturn(arm.json(401, "token/expired-secret.json")));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(s::info)
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(
                            "Azure rejected the credentials (AADSTS7000222: The provided client secret keys for app")
                    .hasMessageContaining("az login")
                    .hasMessageNotContaining("\n");
        }
        assertThat(arm.count("GET", arm.deploymentPath())).isZero();
    }

    @Test
    void anExpiredTokenThatArmRefusesAsksToSignInAgain() {
        arm.token();
        arm.stub(
                get(urlPathEqualTo(arm.deploymentPath()))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"The access token expiry UTC time '12/8/2026 1:00:00 AM' is earlier than current UTC time '12/8/2026 2:00:00 AM'.\"}}")));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(s::info)
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(Credentials.rejected("ExpiredAuthenticationToken"));
        }
    }

    @Test
    void aMissingOrMalformedSubscriptionIsRefusedBeforeAnyCall() {
        Map<String, String> env = new HashMap<>(arm.environment());
        env.remove("AZURE_SUBSCRIPTION_ID");
        assertThatThrownBy(() ->
                        AzureTestTargets.session(AzureTestTargets.connection(URI.create(arm.base()), env), target))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("no Azure subscription chosen: pass --subscription ID");
        env.put("AZURE_SUBSCRIPTION_ID", "my-subscription");
        assertThatThrownBy(() ->
                        AzureTestTargets.session(AzureTestTargets.connection(URI.create(arm.base()), env), target))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("is not a subscription id");
        env.put("AZURE_SUBSCRIPTION_ID", AzureWireMock.SUB);
        env.put("AZURE_DEFAULTS_GROUP", "bad/group");
        assertThatThrownBy(() ->
                        AzureTestTargets.session(AzureTestTargets.connection(URI.create(arm.base()), env), target))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("resource group name 'bad/group' is not valid");
        assertThat(arm.server.getAllServeEvents()).isEmpty();
    }
}
