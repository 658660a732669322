package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys through Infrastructure Manager, Storage and the token endpoint on WireMock: the real client code paths. */
class InfraManagerDeployTest {

    @TempDir
    Path home;

    FakeGoogle google;
    final RecordedSteps progress = new RecordedSteps();
    final List<String> steps = progress.steps;

    ServiceTarget hello;
    GcpTarget t;

    @BeforeEach
    void start() {
        google = new FakeGoogle(home);
        hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        t = GcpTarget.of(google.connection(), hello.service());
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private void helloDeployed() {
        google.operation("op-1", "SUCCEEDED", null);
        google.revision(
                t.deploymentId(),
                "{\"function_hello_url\":{\"value\":\"https://hello-abc-ew.a.run.app\"},\"sources_bucket\":{\"value\":\"demo-proj-hello-http-dev-sources\"}}",
                "[{\"name\":\"r1\",\"terraformInfo\":{\"address\":\"google_cloudfunctions2_function.hello\",\"type\":\"google_cloudfunctions2_function\"},\"intent\":\"CREATE\",\"state\":\"RECONCILED\"},"
                        + "{\"name\":\"r2\",\"terraformInfo\":{\"address\":\"google_project_service.strato_apis\",\"type\":\"google_project_service\"},\"intent\":\"UNCHANGED\",\"state\":\"RECONCILED\"}]");
        google.function("hello-http-dev-hello", "https://hello-abc-ew.a.run.app");
    }

    @Test
    void firstDeployCreatesTheBucketUploadsEverythingAndCreatesTheDeployment() {
        google.bucketMissing(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.deploymentAfterCreate(t.deploymentId());
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.changes()).isTrue();
        assertThat(r.executed()).isTrue();
        assertThat(r.uploadedArtifacts()).isEqualTo(1);
        assertThat(google.uploadedNames())
                .containsExactlyInAnyOrder("config/artifacts/" + zipName(), "config/main.tf.json");
        assertThat(r.changeRows())
                .containsExactly(new ResourceChange(
                        "Add", "google_cloudfunctions2_function.hello", "google_cloudfunctions2_function", ""));
        assertThat(r.info().endpoints()).containsExactly("hello: https://hello-abc-ew.a.run.app");
        assertThat(steps).anyMatch(m -> m.startsWith("Creating bucket gs://demo-proj-hello-http-dev-strato"));
        assertThat(steps).anyMatch(m -> m.equals("Creating deployment hello-http-dev: preparing storage bucket"));
        // the bucket is created private and uniform; the deployment reads the configuration folder and may import what
        // a remove kept
        String bucket = google.server
                .findAll(postRequestedFor(urlPathEqualTo("/storage/v1/b")))
                .get(0)
                .getBodyAsString();
        assertThat(bucket)
                .contains("\"uniformBucketLevelAccess\":{\"enabled\":true")
                .contains("\"publicAccessPrevention\":\"enforced\"");
        String body = google.server
                .findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/deployments")))
                .get(0)
                .getBodyAsString();
        assertThat(body)
                .contains("\"gcsSource\":\"gs://demo-proj-hello-http-dev-strato/config\"")
                .contains("\"importExistingResources\":true")
                .contains(
                        "\"serviceAccount\":\"projects/demo-proj/serviceAccounts/strato-deployer@demo-proj.iam.gserviceaccount.com\"")
                .contains("\"project\":{\"inputValue\":\"demo-proj\"}");
        assertThat(google.server
                        .findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/deployments")))
                        .get(0)
                        .queryParameter("deploymentId")
                        .firstValue())
                .isEqualTo("hello-http-dev");
    }

    private String zipName() {
        try (GeneratedConfig c = GeneratedConfig.inTempDir(hello)) {
            return c.configurationFiles().stream()
                    .filter(n -> n.endsWith(".zip"))
                    .findFirst()
                    .orElseThrow()
                    .substring("artifacts/".length());
        }
    }

    @Test
    void noOpRedeployUploadsNothingAndAppliesNothing() {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String hash;
        try (GeneratedConfig c = GeneratedConfig.inTempDir(hello)) {
            google.configurationPresent(c, t);
            hash = c.configHash();
        }
        google.deploymentActive(t.deploymentId(), hash);
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.changes()).isFalse();
        assertThat(r.uploadedBytes()).isZero();
        assertThat(r.uploadedArtifacts()).isZero();
        assertThat(r.skippedArtifacts()).isEqualTo(1);
        assertThat(google.uploads()).isZero();
        assertThat(google.server.findAll(postRequestedFor(urlPathMatching("/v1/.*"))))
                .isEmpty();
        assertThat(google.server.findAll(patchRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void oneChangedHandlerUploadsOnePackage(@TempDir Path project) throws IOException {
        copy(FakeGoogle.EXAMPLES.resolve("hello-http"), project);
        ServiceTarget before = FakeGoogle.target(project);
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String hash;
        try (GeneratedConfig c = GeneratedConfig.inTempDir(before)) {
            google.configurationPresent(c, t);
            hash = c.configHash();
        }
        Path handler = project.resolve("src/hello.js");
        if (!Files.exists(handler)) handler = project.resolve("src/hello.mjs");
        Files.writeString(handler, Files.readString(handler) + "\n// changed\n");
        ServiceTarget after = FakeGoogle.target(project);
        google.deploymentActive(t.deploymentId(), hash);
        google.createAnswers(t.deploymentId(), "op-1");
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(after)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.uploadedArtifacts()).isEqualTo(1);
        assertThat(google.uploadedNames())
                .hasSize(2)
                .contains("config/main.tf.json")
                .anyMatch(n -> n.startsWith("config/artifacts/hello-") && n.endsWith(".zip"));
        assertThat(google.server.findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.deployment(t.deploymentId())))
                        .withHeader(
                                "X-HTTP-Method-Override",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo("PATCH"))))
                .hasSize(1);
        assertThat(r.executed()).isTrue();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private void failedApply(String... tfErrors) {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String id = t.deploymentId();
        StringBuilder errors = new StringBuilder();
        for (String e : tfErrors) {
            if (errors.length() > 0) errors.append(',');
            errors.append(
                            "{\"resourceAddress\":\"google_cloud_run_v2_service_iam_member.hello_public\",\"httpResponseCode\":400,\"errorDescription\":\"")
                    .append(e.replace("\"", "\\\""))
                    .append("\"}");
        }
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("f")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeGoogle.error(404, "NOT_FOUND", "not found")));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.location() + "/deployments"))
                .inScenario("f")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed")
                .willReturn(okJson(FakeGoogle.running(google.location() + "/operations/op-1", "RUNNING_TF_APPLY"))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("f")
                .whenScenarioStateIs("failed")
                .willReturn(okJson(google.deploymentJson(
                        id,
                        "FAILED",
                        "h",
                        ",\"errorCode\":\"APPLY_BUILD_RUN_FAILED\",\"stateDetail\":\"terraform apply failed\","
                                + "\"errorLogs\":\"https://console.cloud.google.com/cloud-build/builds/b-1\",\"tfErrors\":["
                                + errors + "]"))));
        google.operation("op-1", "FAILED", "terraform apply failed");
        google.revision(id, "{}", "[]");
    }

    @Test
    void failedDeploymentShowsTheTerraformErrors() {
        failedApply(
                "Error creating function: googleapi: Error 400: Invalid value for field 'resource.runtime': 'nodejs99'");
        assertThatThrownBy(() -> {
                    try (GcpSession s = google.session(hello)) {
                        s.deploy(true, progress);
                    }
                })
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "Creating deployment hello-http-dev failed with 1 Terraform error (build logs: https://console.cloud.google.com/cloud-build/builds/b-1)");
                    assertThat(e.details())
                            .containsExactly(
                                    "google_cloud_run_v2_service_iam_member.hello_public: HTTP 400: Error creating function: googleapi: Error 400:"
                                            + " Invalid value for field 'resource.runtime': 'nodejs99'");
                });
    }

    @Test
    void domainRestrictedSharingNamesThePolicyAndTheAlternatives() {
        failedApply(
                "Error applying IAM policy for cloudrun service: Error setting IAM policy: googleapi: Error 400:"
                        + " One or more users named in the policy do not belong to a permitted customer, perhaps due to an organization policy.");
        assertThatThrownBy(() -> {
                    try (GcpSession s = google.session(hello)) {
                        s.deploy(true, progress);
                    }
                })
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.getMessage())
                                .contains("iam.allowedPolicyMemberDomains")
                                .contains("domain restricted sharing")
                                .contains("auth (key or jwt")
                                .contains("api-gateway")
                                .contains("policy exception"));
    }

    @Test
    void iamPropagationIsRetriedAndSaysItIsWaitingForIam() {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String id = t.deploymentId();
        String iam =
                ",\"state\":\"FAILED\",\"tfErrors\":[{\"resourceAddress\":\"google_eventarc_trigger.x\",\"errorDescription\":"
                        + "\"Error creating Trigger: googleapi: Error 400: Invalid resource state for \\\"\\\": Permission denied while using the Eventarc Service Agent.\"}]";
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("i")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeGoogle.error(404, "NOT_FOUND", "not found")));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.location() + "/deployments"))
                .inScenario("i")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed")
                .willReturn(okJson(FakeGoogle.running(google.location() + "/operations/op-1", "RUNNING_TF_APPLY"))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("i")
                .whenScenarioStateIs("failed")
                .willReturn(
                        okJson(google.deploymentJson(id, "FAILED", "h", iam.replace(",\"state\":\"FAILED\"", "")))));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("i")
                .whenScenarioStateIs("failed")
                .willSetStateTo("active")
                .willReturn(okJson(FakeGoogle.running(google.location() + "/operations/op-1", "RUNNING_TF_APPLY"))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(id)))
                .inScenario("i")
                .whenScenarioStateIs("active")
                .willReturn(okJson(google.deploymentJson(id, "ACTIVE", "h", ""))));
        google.operation("op-1", "SUCCEEDED", null);
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.executed()).isTrue();
        assertThat(steps)
                .anyMatch(
                        m -> m.startsWith(
                                "Waiting for IAM: new grants and service agents take a few minutes to propagate (retry 1 of 2"));
    }

    @Test
    void throttlingUnavailableAndDroppedConnectionsAreRetried() {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        String id = t.deploymentId();
        String hash;
        try (GeneratedConfig c = GeneratedConfig.inTempDir(hello)) {
            google.configurationPresent(c, t);
            hash = c.configHash();
        }
        // 503, 429 and a reset connection on the deployment read, then its answer
        String path = "/v1/" + google.deployment(id);
        google.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("x")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("2")
                .willReturn(FakeGoogle.error(503, "UNAVAILABLE", "The service is currently unavailable.")));
        google.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("x")
                .whenScenarioStateIs("2")
                .willSetStateTo("3")
                .willReturn(FakeGoogle.error(
                        429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Read requests'")));
        google.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("x")
                .whenScenarioStateIs("3")
                .willSetStateTo("4")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        google.server.stubFor(get(urlPathEqualTo(path))
                .inScenario("x")
                .whenScenarioStateIs("4")
                .willReturn(okJson(google.deploymentJson(id, "ACTIVE", hash, ""))));
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.changes()).isFalse();
        assertThat(google.server.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(path))))
                .hasSize(4);
        // the JDK's HTTP client resends a GET once on a reset connection by itself; the 503 and 429 are ours to retry
        assertThat(steps)
                .anyMatch(m -> m.startsWith("HTTP 503 from 127.0.0.1, retrying"))
                .anyMatch(m -> m.startsWith("HTTP 429 from 127.0.0.1"));
    }

    @Test
    void storageRetries503BurstsAndADroppedUpload() {
        google.bucketExists(t.stageBucket());
        String bucket = t.stageBucket();
        google.server.stubFor(get(urlPathMatching("/storage/v1/b/" + bucket + "/o/.+"))
                .inScenario("s")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("2")
                .willReturn(FakeGoogle.error(503, "UNAVAILABLE", "Backend Error")));
        google.server.stubFor(get(urlPathMatching("/storage/v1/b/" + bucket + "/o/.+"))
                .inScenario("s")
                .whenScenarioStateIs("2")
                .willSetStateTo("3")
                .willReturn(FakeGoogle.error(
                        429, "RESOURCE_EXHAUSTED", "The rate of change requests to the object is too high")));
        google.server.stubFor(get(urlPathMatching("/storage/v1/b/" + bucket + "/o/.+"))
                .atPriority(9)
                .willReturn(FakeGoogle.error(404, "NOT_FOUND", "No such object")));
        String upload = "/upload/storage/v1/b/" + bucket + "/o";
        google.server.stubFor(post(urlPathEqualTo(upload))
                .inScenario("u")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        google.server.stubFor(post(urlPathEqualTo(upload))
                .inScenario("u")
                .whenScenarioStateIs("ok")
                .willReturn(okJson("{\"kind\":\"storage#object\",\"bucket\":\"" + bucket
                        + "\",\"name\":\"x\",\"generation\":\"1\"}")));
        google.deploymentAfterCreate(t.deploymentId());
        helloDeployed();
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(true, progress);
        }
        assertThat(r.uploadedArtifacts()).isEqualTo(1);
        var uploads = google.server.findAll(postRequestedFor(urlPathEqualTo(upload)));
        // the reset upload was sent again (idempotent: ifGenerationMatch=0), then the second file once
        assertThat(uploads).hasSize(3);
        assertThat(uploads)
                .allMatch(u -> "0".equals(u.queryParameter("ifGenerationMatch").firstValue()));
    }

    @Test
    void aBurstLongerThanTheRetriesFailsWithOneLine() {
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.deployment(t.deploymentId())))
                .willReturn(FakeGoogle.error(503, "UNAVAILABLE", "The service is currently unavailable.")));
        try (GcpSession s = google.session(hello)) {
            assertThatThrownBy(() -> s.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(
                            "could not read deployment projects/demo-proj/locations/europe-west1/deployments/hello-http-dev: UNAVAILABLE: The service is currently unavailable.");
        }
    }

    @Test
    void missingCredentialsSayHowToSignInBeforeAnyCall() {
        Map<String, String> env = new HashMap<>();
        env.put("NO_GCE_CHECK", "true");
        env.put("HOME", home.resolve("nobody").toString());
        var connection =
                new dev.strato.provider.Connection(FakeGoogle.REGION, null, google.endpoint(), env, FakeGoogle.PROJECT);
        try (GcpSession s = new GcpSession(connection, hello, FakeGoogle.FAST)) {
            assertThatThrownBy(() -> s.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(Credentials.SIGN_IN);
        }
        assertThat(google.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void workloadIdentityFederationFilesAreReadFromTheCommandsEnvironment() throws IOException {
        // what google-github-actions/auth writes: an external_account file whose subject token is the runner's OIDC
        // token
        Path oidc = Files.writeString(
                home.resolve("oidc-token"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2ln");
        Path file = Files.writeString(home.resolve("wif.json"), """
                {"type":"external_account","audience":"//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/github",
                 "subject_token_type":"urn:ietf:params:oauth:token-type:jwt","token_url":"https://sts.googleapis.com/v1/token",
                 "service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/ci@demo-proj.iam.gserviceaccount.com:generateAccessToken",
                 "credential_source":{"file":"%s"}}""".formatted(oidc));
        Map<String, String> env = new HashMap<>(google.environment());
        env.put("GOOGLE_APPLICATION_CREDENTIALS", file.toString());
        var credentials = Credentials.load(env, com.google.api.client.http.javanet.NetHttpTransport::new);
        assertThat(credentials).isInstanceOf(com.google.auth.oauth2.ExternalAccountCredentials.class);
        assertThat(((com.google.auth.oauth2.ExternalAccountCredentials) credentials).getServiceAccountEmail())
                .isEqualTo("ci@demo-proj.iam.gserviceaccount.com");
    }
}
