package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.RemoveResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * remove: the resource group when strato made it and it holds only the service (with --include-data);
 * otherwise resource by resource in dependency order, data kept and named; Key Vault soft-delete said.
 * The orders example: its template has every resource type the stubbed deployment lists.
 */
class RemoveTest {

    private AzureWireMock arm;
    private final List<String> steps = new ArrayList<>();
    private final ProgressListener progress = new ProgressListener() {
        @Override
        public void step(String message) {
            steps.add(message);
        }
    };

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-orders-dev", null);
        arm.token();
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
        arm.stub(get(urlPathEqualTo(arm.group() + "/resources"))
                .willReturn(arm.json(200, "resources/resources-list.json")));
        arm.stub(delete(urlPathEqualTo(arm.group()))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Location", arm.base() + "/operationresults/rg-delete")));
        arm.stub(get(urlPathEqualTo("/operationresults/rg-delete"))
                .willReturn(aResponse().withStatus(200)));
        arm.stub(delete(urlPathMatching("/subscriptions/.*/providers/.*"))
                .willReturn(aResponse().withStatus(200)));
        arm.stub(any(urlPathEqualTo(arm.deploymentPath()))
                .atPriority(10)
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private RemoveResult remove(boolean includeData) {
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.example("orders"))) {
            return s.remove(includeData, progress);
        }
    }

    private List<String> deleted() {
        return arm.server.findAll(deleteRequestedFor(urlPathMatching(".*"))).stream()
                .map(LoggedRequest::getUrl)
                .map(u -> u.replaceFirst("\\?.*", "").toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void withDataTheWholeGroupGoesWhenStratoMadeIt() {
        arm.groupExists("resources/group.json");
        RemoveResult r = remove(true);
        assertThat(r.existed()).isTrue();
        assertThat(deleted()).containsExactly(lower(arm.group()));
        assertThat(r.deletedData()).containsExactly("cosmos-hello-http-dev");
        assertThat(r.keptData()).isEmpty();
        assertThat(steps)
                .anyMatch(s -> s.startsWith("Key Vault kv-hello-http-dev is soft-deleted")
                        && s.contains("az keyvault purge --name kv-hello-http-dev"));
    }

    @Test
    void withoutDataResourcesGoOneByOneAndDataIsKeptAndNamed() {
        arm.groupExists("resources/group.json");
        RemoveResult r = remove(false);
        assertThat(r.keptData()).containsExactly("Microsoft.DocumentDB/databaseAccounts cosmos-hello-http-dev");
        List<String> d = deleted();
        assertThat(d).noneMatch(u -> u.contains("databaseaccounts"));
        assertThat(d.get(0)).contains("/providers/microsoft.authorization/roleassignments/");
        assertThat(d)
                .containsSubsequence(
                        lower(arm.site()),
                        lower(arm.group() + "/providers/Microsoft.Web/serverfarms/plan-hello-http-dev"),
                        lower(arm.group() + "/providers/Microsoft.KeyVault/vaults/kv-hello-http-dev"),
                        lower(arm.group() + "/providers/Microsoft.Storage/storageAccounts/" + AzureWireMock.STORAGE),
                        lower(arm.deploymentPath()));
        assertThat(d).doesNotContain(lower(arm.group()));
    }

    @Test
    void aGroupStratoDidNotMakeIsKept() {
        arm.groupExists("resources/group-foreign.json");
        RemoveResult r = remove(true);
        assertThat(deleted())
                .doesNotContain(lower(arm.group()))
                .anyMatch(u -> u.contains("databaseaccounts/cosmos-hello-http-dev"));
        assertThat(r.deletedData()).containsExactly("cosmos-hello-http-dev");
    }

    @Test
    void nothingDeployedIsNotAnError() {
        arm.groupMissing();
        RemoveResult r = remove(false);
        assertThat(r.existed()).isFalse();
        assertThat(deleted()).isEmpty();
    }
}
