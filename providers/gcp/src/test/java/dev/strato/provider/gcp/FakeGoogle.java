package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.strato.model.LoadOptions;
import dev.strato.model.LoadResult;
import dev.strato.model.ModelLoader;
import dev.strato.model.providers.Provider;
import dev.strato.provider.Connection;
import dev.strato.provider.ServiceTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's REST APIs on one WireMock server, in the shapes of their references (see src/test/resources/wiremock/README.md):
 * the OAuth token endpoint, Cloud Storage JSON API, Infrastructure Manager v1, Cloud Functions v2, Cloud Logging v2.
 */
final class FakeGoogle implements AutoCloseable {

    static final String PROJECT = "demo-proj";
    static final String REGION = "europe-west1";
    static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

    /** Millisecond polls and backoffs, so that waiting paths run fast. */
    static final ClientSettings FAST = new ClientSettings(
            4,
            Duration.ofMillis(10),
            Duration.ofMillis(40),
            Duration.ofMillis(10),
            Duration.ofSeconds(20),
            3,
            Duration.ofMillis(10));

    final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    final Path home;

    FakeGoogle(Path home) {
        this.home = home;
        server.start();
        token();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The OAuth 2.0 token endpoint of an authorized_user credentials file, answering a refresh with an access and an ID token. */
    /** The ID token the token endpoint hands out. */
    final String idToken = idToken();

    void token() {
        server.stubFor(post("/token").willReturn(okJson("""
                {"access_token":"ya29.test-token","expires_in":3599,"token_type":"Bearer","scope":"https://www.googleapis.com/auth/cloud-platform","id_token":"%s"}""".formatted(idToken))));
    }

    static String idToken() {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        return b.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(("{\"aud\":\"x\",\"iss\":\"https://accounts.google.com\",\"iat\":" + now
                                + ",\"exp\":" + (now + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8))
                + "." + b.encodeToString("sig".getBytes(StandardCharsets.UTF_8));
    }

    Path credentialsFile() {
        try {
            Path f = home.resolve("adc.json");
            Files.writeString(f, """
                    {"type":"authorized_user","client_id":"id.apps.googleusercontent.com","client_secret":"secret","refresh_token":"1//refresh",
                     "token_uri":"%s/token","quota_project_id":"demo-proj"}""".formatted(endpoint()));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("GOOGLE_APPLICATION_CREDENTIALS", credentialsFile().toString());
        env.put("NO_GCE_CHECK", "true");
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    Connection connection() {
        return new Connection(REGION, null, endpoint(), environment(), PROJECT);
    }

    static ServiceTarget target(Path projectDir) {
        LoadResult result = ModelLoader.load(
                projectDir.resolve("strato.yml"),
                "strato.yml",
                new LoadOptions(null, Map.of(), Map.of(), List.of(Provider.GCP), LocalDate.of(2026, 11, 27)));
        if (!result.isValid())
            throw new IllegalStateException(result.diagnostics().sorted().toString());
        return new ServiceTarget(result.service().orElseThrow(), projectDir);
    }

    GcpSession session(ServiceTarget target) {
        return new GcpSession(connection(), target, FAST);
    }

    // ---- Cloud Storage JSON API: https://cloud.google.com/storage/docs/json_api/v1

    void bucketExists(String bucket) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + bucket)).willReturn(okJson("""
                {"kind":"storage#bucket","id":"%1$s","name":"%1$s","location":"EUROPE-WEST1","storageClass":"STANDARD",
                 "iamConfiguration":{"uniformBucketLevelAccess":{"enabled":true},"publicAccessPrevention":"enforced"}}""".formatted(bucket))));
    }

    void bucketMissing(String bucket) {
        server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + bucket))
                .willReturn(error(404, "NOT_FOUND", "The specified bucket does not exist.")));
        server.stubFor(post(urlPathEqualTo("/storage/v1/b"))
                .willReturn(okJson("{\"kind\":\"storage#bucket\",\"name\":\"" + bucket + "\"}")));
    }

    /** Every object is absent, and uploads succeed. */
    void objectsAbsent(String bucket) {
        server.stubFor(get(urlPathMatching("/storage/v1/b/" + bucket + "/o/.+"))
                .atPriority(9)
                .willReturn(error(404, "NOT_FOUND", "No such object")));
        server.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/" + bucket + "/o"))
                .willReturn(okJson("{\"kind\":\"storage#object\",\"bucket\":\"" + bucket
                        + "\",\"name\":\"x\",\"generation\":\"1\",\"size\":\"1\"}")));
    }

    /** The object is there with the file's MD5. */
    void objectPresent(String bucket, String object, Path file) {
        String path = "/storage/v1/b/" + bucket + "/o/"
                + URLEncoder.encode(object, StandardCharsets.UTF_8).replace("+", "%20");
        server.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(okJson("""
                {"kind":"storage#object","bucket":"%s","name":"%s","md5Hash":"%s","size":"%d","generation":"1"}""".formatted(
                        bucket, object, Hashes.md5Base64(file), size(file)))));
    }

    /** Every file of the configuration is in the stage bucket already (a deploy of the same configuration before). */
    void configurationPresent(GeneratedConfig config, GcpTarget t) {
        for (String name : config.configurationFiles())
            objectPresent(t.stageBucket(), t.configPrefix() + name, config.file(name));
    }

    int uploads() {
        return server.findAll(postRequestedFor(urlPathMatching("/upload/storage/v1/b/.*")))
                .size();
    }

    List<String> uploadedNames() {
        return server.findAll(postRequestedFor(urlPathMatching("/upload/storage/v1/b/.*"))).stream()
                .map(r -> {
                    String body = r.getBodyAsString();
                    int at = body.indexOf("\"name\":\"");
                    return at < 0 ? "?" : body.substring(at + 8, body.indexOf('"', at + 8));
                })
                .toList();
    }

    // ---- Infrastructure Manager v1: https://cloud.google.com/infrastructure-manager/docs/reference/rest

    String location() {
        return "projects/" + PROJECT + "/locations/" + REGION;
    }

    String deployment(String id) {
        return location() + "/deployments/" + id;
    }

    void deploymentMissing(String id) {
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id)))
                .willReturn(error(404, "NOT_FOUND", "Resource '" + deployment(id) + "' was not found")));
    }

    String deploymentJson(String id, String state, String hash, String extra) {
        return """
                {"name":"%s","createTime":"2026-12-01T10:00:00Z","updateTime":"2026-12-01T10:04:00Z","state":"%s",
                 "labels":{"strato-config":"%s","strato-service":"x","strato-stage":"dev"},"latestRevision":"%s/revisions/r-2",
                 "serviceAccount":"projects/%s/serviceAccounts/strato-deployer@%s.iam.gserviceaccount.com",
                 "terraformBlueprint":{"gcsSource":"gs://b/config"},"lockState":"UNLOCKED"%s}""".formatted(deployment(id), state, hash, deployment(id), PROJECT, PROJECT, extra);
    }

    /** No deployment until the create: then ACTIVE (operation op-1). */
    void deploymentAfterCreate(String id) {
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id)))
                .inScenario("d")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(error(404, "NOT_FOUND", "not found")));
        server.stubFor(post(urlPathEqualTo("/v1/" + location() + "/deployments"))
                .inScenario("d")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willSetStateTo("created")
                .willReturn(okJson(running(location() + "/operations/op-1", "PREPARING_STORAGE_BUCKET"))));
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id)))
                .inScenario("d")
                .whenScenarioStateIs("created")
                .willReturn(okJson(deploymentJson(id, "ACTIVE", "h", ""))));
    }

    void deploymentActive(String id, String hash) {
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id)))
                .willReturn(okJson(deploymentJson(id, "ACTIVE", hash, ""))));
    }

    /** An operation that is running once, then done (with {@code error} when not null). */
    void operation(String op, String step, String error) {
        String name = location() + "/operations/" + op;
        server.stubFor(get(urlPathEqualTo("/v1/" + name)).willReturn(okJson("""
                {"name":"%s","metadata":{"@type":"type.googleapis.com/google.cloud.config.v1.OperationMetadata","deploymentMetadata":{"step":"%s"}},
                 "done":true%s}""".formatted(
                name,
                step,
                error == null ? ",\"response\":{}" : ",\"error\":{\"code\":9,\"message\":\"" + error + "\"}"))));
    }

    static String running(String name, String step) {
        return """
                {"name":"%s","metadata":{"@type":"type.googleapis.com/google.cloud.config.v1.OperationMetadata","deploymentMetadata":{"step":"%s"}},"done":false}""".formatted(name, step);
    }

    void createAnswers(String id, String op) {
        server.stubFor(post(urlPathEqualTo("/v1/" + location() + "/deployments"))
                .willReturn(okJson(running(location() + "/operations/" + op, "PREPARING_STORAGE_BUCKET"))));
        server.stubFor(post(urlPathEqualTo("/v1/" + deployment(id)))
                .withHeader("X-HTTP-Method-Override", com.github.tomakehurst.wiremock.client.WireMock.equalTo("PATCH"))
                .willReturn(okJson(running(location() + "/operations/" + op, "PREPARING_STORAGE_BUCKET"))));
    }

    void revision(String id, String outputs, String resources) {
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id) + "/revisions/r-2"))
                .willReturn(okJson("""
                {"name":"%s/revisions/r-2","action":"UPDATE","state":"APPLIED","applyResults":{"outputs":%s}}""".formatted(deployment(id), outputs))));
        server.stubFor(get(urlPathEqualTo("/v1/" + deployment(id) + "/revisions/r-2/resources"))
                .willReturn(okJson("{\"resources\":" + resources + "}")));
    }

    // ---- Cloud Functions v2: https://cloud.google.com/functions/docs/reference/rest/v2/projects.locations.functions

    void function(String name, String uri) {
        server.stubFor(get(urlPathEqualTo("/v2/" + location() + "/functions/" + name))
                .willReturn(okJson("""
                {"name":"%s/functions/%s","state":"ACTIVE","environment":"GEN_2","url":"%s","updateTime":"2026-12-01T10:03:00Z",
                 "buildConfig":{"runtime":"nodejs22","entryPoint":"hello"},
                 "serviceConfig":{"service":"%s/services/%s","uri":"%s","availableMemory":"512Mi","timeoutSeconds":5}}""".formatted(location(), name, uri, location(), name, uri))));
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message.replace("\"", "\\\"")
                        + "\",\"status\":\"" + code + "\"}}");
    }

    void deleteAnswers(String id, String op) {
        server.stubFor(delete(urlPathEqualTo("/v1/" + deployment(id)))
                .willReturn(okJson(running(location() + "/operations/" + op, "RUNNING_TF_DESTROY"))));
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
