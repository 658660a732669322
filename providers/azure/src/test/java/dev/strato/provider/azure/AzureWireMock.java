package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.azure.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WireMock as Entra ID's token endpoint, Azure Resource Manager, the Functions host and Log Analytics,
 * over HTTPS with the test certificate, answering with the bodies in src/test/resources/arm (shaped
 * after the REST reference; see the READMEs there). Stubs are set per scenario.
 */
public final class AzureWireMock implements AutoCloseable {

    public static final String SUB = "00000000-1111-2222-3333-444444444444";
    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String RG = "rg-hello-http-dev";
    public static final String APP = "func-hello-http-dev-4f2a9c";
    public static final String STORAGE = "sthellohttpdev4f2a9c";

    public final WireMockServer server;
    final String deployment;
    private final Map<String, String> values = new LinkedHashMap<>();

    public AzureWireMock(String deployment, String blobEndpoint) {
        TestTls.trust();
        Path dir = Path.of("target/wiremock-tls").toAbsolutePath();
        Path keystore = TestTls.file("keystore.p12", dir);
        server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(TestTls.PASSWORD)
                .keyManagerPassword(TestTls.PASSWORD));
        server.start();
        this.deployment = deployment;
        values.put("SUB", SUB);
        values.put("RG", RG);
        values.put("DEPLOYMENT", deployment);
        values.put("APP", APP);
        values.put("STORAGE", STORAGE);
        values.put("BASE", base());
        values.put("HOSTPORT", "127.0.0.1:" + server.httpsPort());
        values.put("BLOB", blobEndpoint == null ? "https://127.0.0.1:1/devstoreaccount1/" : blobEndpoint);
        values.put("NOW", Instant.now().toString());
        values.put("TOKEN", jwt());
    }

    public String base() {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    /** Plain HTTP, for a proxy in front that speaks TLS itself. */
    String plainBase() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The variables a test's connection carries: a service principal whose tokens WireMock issues. */
    public Map<String, String> environment() {
        return Map.of(
                "AZURE_TENANT_ID",
                TENANT,
                "AZURE_CLIENT_ID",
                "11111111-1111-1111-1111-111111111111",
                "AZURE_CLIENT_SECRET",
                "test-secret",
                "AZURE_AUTHORITY_HOST",
                base() + "/",
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "AZURE_DEFAULTS_GROUP",
                RG);
    }

    String body(String resource) {
        try (InputStream in = AzureWireMock.class.getResourceAsStream("/arm/" + resource)) {
            if (in == null) throw new IllegalArgumentException("no stub body " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet())
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ResponseDefinitionBuilder json(int status, String resource) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body(resource));
    }

    public String group() {
        return "/subscriptions/" + SUB + "/resourcegroups/" + RG;
    }

    public String deploymentPath() {
        return group() + "/providers/Microsoft.Resources/deployments/" + deployment;
    }

    public String site() {
        return group() + "/providers/Microsoft.Web/sites/" + APP;
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    // ---- the token endpoint

    public void token() {
        stub(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(json(200, "token/token.json")));
    }

    // ---- resource groups

    /** The group is missing until it is created (PUT), then exists. */
    public void groupMissingThenCreated() {
        stub(get(urlPathEqualTo(group()))
                .inScenario("group")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(404, "resources/group-not-found.json")));
        stub(put(urlPathEqualTo(group()))
                .inScenario("group")
                .willSetStateTo("exists")
                .willReturn(json(201, "resources/group.json")));
        stub(get(urlPathEqualTo(group()))
                .inScenario("group")
                .whenScenarioStateIs("exists")
                .willReturn(json(200, "resources/group.json")));
    }

    public void groupExists(String body) {
        stub(get(urlPathEqualTo(group())).willReturn(json(200, body)));
    }

    public void groupMissing() {
        stub(get(urlPathEqualTo(group())).willReturn(json(404, "resources/group-not-found.json")));
    }

    // ---- what-if: 202 with Location, then the result

    public void whatIf(String result) {
        stub(post(urlPathEqualTo(deploymentPath() + "/whatIf"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Location", base() + "/operationresults/whatif-1")
                        .withHeader("Retry-After", "0")));
        stub(get(urlPathEqualTo("/operationresults/whatif-1")).willReturn(json(200, result)));
    }

    // ---- deployments

    /** No deployment until PUT; then Running once, then {@code end} (deployment-succeeded.json or deployment-failed.json). */
    public void deploymentCreated(String end, String operations) {
        stub(get(urlPathEqualTo(deploymentPath()))
                .inScenario("deployment")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(404, "resources/deployment-not-found.json")));
        deploymentPut(end, operations);
    }

    /** A deployment that exists already ({@code body}); a PUT runs it again to {@code end}. */
    public void deploymentExists(String body, String end, String operations) {
        stub(get(urlPathEqualTo(deploymentPath()))
                .inScenario("deployment")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, body)));
        deploymentPut(end, operations);
    }

    private void deploymentPut(String end, String operations) {
        stub(put(urlPathEqualTo(deploymentPath()))
                .inScenario("deployment")
                .willSetStateTo("running")
                .willReturn(json(201, "resources/deployment-accepted.json")
                        .withHeader("Azure-AsyncOperation", base() + "/operationStatuses/deploy-1")));
        stub(get(urlPathEqualTo(deploymentPath()))
                .inScenario("deployment")
                .whenScenarioStateIs("running")
                .willSetStateTo("done")
                .willReturn(json(200, "resources/deployment-running.json")));
        stub(get(urlPathEqualTo(deploymentPath()))
                .inScenario("deployment")
                .whenScenarioStateIs("done")
                .willReturn(json(200, end)));
        stub(get(urlPathEqualTo(deploymentPath() + "/operations")).willReturn(json(200, operations)));
    }

    // ---- the app

    public void app() {
        stub(get(urlPathEqualTo(group() + "/providers/Microsoft.Storage/storageAccounts/" + STORAGE))
                .willReturn(json(200, "storage/storage-account.json")));
        stub(get(urlPathEqualTo(site())).willReturn(json(200, "web/site.json")));
        stub(get(urlPathEqualTo(site() + "/functions")).willReturn(json(200, "web/functions.json")));
        stub(post(urlPathEqualTo(site() + "/restart")).willReturn(aResponse().withStatus(200)));
        stub(post(urlPathEqualTo(site() + "/syncfunctiontriggers"))
                .willReturn(aResponse().withStatus(204)));
        oneDeploy("scm/deployment-success.json");
    }

    // ---- one deploy on the SCM site (Flex Consumption); the SCM host is this server (site.json)

    public static final String PUBLISH = "/api/publish";
    public static final String DEPLOYMENT_STATUS = "/api/deployments/7f3c2a10-5b8e-4d2a-9c41-0e6f1b2d3a4c";

    /** POST /api/publish answers 202 with Location; the deployment reads Building once per publish, then {@code end}. */
    public void oneDeploy(String end) {
        stub(post(urlPathEqualTo(PUBLISH))
                .inScenario("publish")
                .willSetStateTo("building")
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Location", base() + DEPLOYMENT_STATUS)
                        .withHeader("Retry-After", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("\"7f3c2a10-5b8e-4d2a-9c41-0e6f1b2d3a4c\"")));
        oneDeployStatus(end);
    }

    public void oneDeployStatus(String end) {
        stub(get(urlPathEqualTo(DEPLOYMENT_STATUS))
                .inScenario("publish")
                .whenScenarioStateIs("building")
                .willSetStateTo("ended")
                .willReturn(json(200, "scm/deployment-building.json")));
        stub(get(urlPathEqualTo(DEPLOYMENT_STATUS))
                .inScenario("publish")
                .whenScenarioStateIs("ended")
                .willReturn(json(200, end)));
    }

    public int count(String method, String path) {
        return server.findAll(
                        switch (method) {
                            case "GET" ->
                                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path));
                            case "PUT" ->
                                com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlPathEqualTo(path));
                            case "POST" ->
                                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(path));
                            case "DELETE" ->
                                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                                        urlPathEqualTo(path));
                            default -> throw new IllegalArgumentException(method);
                        })
                .size();
    }

    /** Every request WireMock saw that no stub matched (a test that expects none asserts it is 0). */
    int unmatched() {
        return server.findAllUnmatchedRequests().size();
    }

    public String unmatchedList() {
        return server.findAllUnmatchedRequests().stream()
                .map(r -> r.getMethod() + " " + r.getUrl())
                .toList()
                .toString();
    }

    static MappingBuilder anyUrl(String regex) {
        return any(urlPathMatching(regex));
    }

    static MappingBuilder del(String path) {
        return delete(urlPathEqualTo(path));
    }

    /** An unsigned JWT with the claims Azurite's basic OAuth check reads (aud, iss, nbf, iat, exp). */
    private static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(
                ("{\"aud\":\"https://storage.azure.com\",\"iss\":\"https://sts.windows.net/" + TENANT + "/\","
                                + "\"nbf\":1700000000,\"iat\":1700000000,\"exp\":4102444800,\"oid\":\"22222222-2222-2222-2222-222222222222\",\"tid\":\""
                                + TENANT + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString("not-signed".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop();
    }
}
