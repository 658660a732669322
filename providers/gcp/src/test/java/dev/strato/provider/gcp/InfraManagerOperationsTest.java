package dev.strato.provider.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff (previews), deploy --no-execute, remove with and without data, and the bound on operations, on WireMock. */
class InfraManagerOperationsTest {

    @TempDir
    Path home;

    FakeGoogle google;
    final RecordedSteps progress = new RecordedSteps();
    final List<String> steps = progress.steps;

    @BeforeEach
    void start() {
        google = new FakeGoogle(home);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private GcpTarget target(ServiceTarget s) {
        return GcpTarget.of(google.connection(), s.service());
    }

    private void preview(String state) {
        String name = google.location() + "/previews/p-1";
        google.server.stubFor(post(urlPathEqualTo("/v1/" + google.location() + "/previews"))
                .willReturn(okJson(FakeGoogle.running(google.location() + "/operations/op-p", "RUNNING_TF_PLAN")
                        .replace("deploymentMetadata", "previewMetadata"))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.location() + "/operations/op-p"))
                .willReturn(okJson("""
                {"name":"%s/operations/op-p","done":true,"response":{"@type":"type.googleapis.com/google.cloud.config.v1.Preview","name":"%s","state":"%s",
                 "tfErrors":[{"resourceAddress":"google_cloudfunctions2_function.hello","errorDescription":"Error: Unsupported argument"}]}}""".formatted(google.location(), name, state))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + name)).willReturn(okJson("""
                {"name":"%s","state":"%s","tfErrors":[{"resourceAddress":"google_cloudfunctions2_function.hello","errorDescription":"Error: Unsupported argument"}]}""".formatted(name, state))));
        google.server.stubFor(
                get(urlPathEqualTo("/v1/" + name + "/resourceChanges")).willReturn(okJson("""
                {"resourceChanges":[
                  {"name":"%1$s/resourceChanges/a","terraformInfo":{"address":"google_cloudfunctions2_function.hello","type":"google_cloudfunctions2_function","actions":["update"]},"intent":"UPDATE"},
                  {"name":"%1$s/resourceChanges/b","terraformInfo":{"address":"google_storage_bucket_object.hello","type":"google_storage_bucket_object","actions":["delete","create"]},"intent":"RECREATE"},
                  {"name":"%1$s/resourceChanges/c","terraformInfo":{"address":"google_service_account.hello","type":"google_service_account","actions":["no-op"]},"intent":"UNCHANGED"}
                ],"nextPageToken":"t2"}""".formatted(name))));
        google.server.stubFor(get(urlPathEqualTo("/v1/" + name + "/resourceChanges"))
                .withQueryParam("pageToken", equalTo("t2"))
                .willReturn(okJson("""
                {"resourceChanges":[{"name":"%s/resourceChanges/d","terraformInfo":{"address":"google_pubsub_topic.old","type":"google_pubsub_topic"},"intent":"DELETE"}]}""".formatted(name))));
        google.server.stubFor(
                delete(urlPathEqualTo("/v1/" + name)).willReturn(okJson("{\"name\":\"op-del\",\"done\":true}")));
    }

    @Test
    void diffPreviewsAgainstTheDeploymentAndListsChangesByResource() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        GcpTarget t = target(hello);
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.deploymentActive(t.deploymentId(), "old");
        preview("SUCCEEDED");
        List<ResourceChange> rows;
        try (GcpSession s = google.session(hello)) {
            rows = s.diff(progress);
        }
        assertThat(rows)
                .containsExactly(
                        new ResourceChange(
                                "Modify",
                                "google_cloudfunctions2_function.hello",
                                "google_cloudfunctions2_function",
                                "False"),
                        new ResourceChange(
                                "Modify", "google_storage_bucket_object.hello", "google_storage_bucket_object", "True"),
                        new ResourceChange("Remove", "google_pubsub_topic.old", "google_pubsub_topic", ""));
        String body = google.server
                .findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/previews")))
                .get(0)
                .getBodyAsString();
        assertThat(body)
                .contains("\"deployment\":\"" + google.deployment(t.deploymentId()) + "\"")
                .contains("\"gcsSource\":\"gs://" + t.stageBucket() + "/config\"");
        assertThat(google.server.findAll(
                        deleteRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/previews/p-1"))))
                .hasSize(1);
    }

    @Test
    void noExecuteLeavesThePreviewForReview() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        GcpTarget t = target(hello);
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.deploymentMissing(t.deploymentId());
        preview("SUCCEEDED");
        DeployResult r;
        try (GcpSession s = google.session(hello)) {
            r = s.deploy(false, progress);
        }
        assertThat(r.executed()).isFalse();
        assertThat(r.changeSet()).isEqualTo(google.location() + "/previews/p-1");
        assertThat(r.changeRows()).hasSize(3);
        String body = google.server
                .findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/previews")))
                .get(0)
                .getBodyAsString();
        assertThat(body).doesNotContain("\"deployment\"");
        assertThat(google.server.findAll(postRequestedFor(urlPathEqualTo("/v1/" + google.location() + "/deployments"))))
                .isEmpty();
        assertThat(google.server.findAll(deleteRequestedFor(urlPathMatching("/v1/.*"))))
                .isEmpty();
    }

    @Test
    void aFailedPreviewShowsItsTerraformErrors() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        GcpTarget t = target(hello);
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.deploymentMissing(t.deploymentId());
        preview("FAILED");
        try (GcpSession s = google.session(hello)) {
            assertThatThrownBy(() -> s.diff(progress)).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.getMessage())
                        .startsWith("preview of deployment hello-http-dev failed with 1 Terraform error");
                assertThat(e.details())
                        .containsExactly("google_cloudfunctions2_function.hello: Error: Unsupported argument");
            });
        }
    }

    @Test
    void operationsArePolledWithinABound() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        GcpTarget t = target(hello);
        google.bucketExists(t.stageBucket());
        google.objectsAbsent(t.stageBucket());
        google.deploymentMissing(t.deploymentId());
        google.createAnswers(t.deploymentId(), "op-slow");
        google.server.stubFor(get(urlPathEqualTo("/v1/" + google.location() + "/operations/op-slow"))
                .willReturn(okJson(FakeGoogle.running(google.location() + "/operations/op-slow", "RUNNING_TF_APPLY"))));
        ClientSettings bounded = new ClientSettings(
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                1,
                Duration.ofMillis(1));
        try (GcpSession s = new GcpSession(google.connection(), hello, bounded)) {
            assertThatThrownBy(() -> s.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith(
                            "Creating deployment hello-http-dev did not finish within 0 s; it goes on in Google Cloud")
                    .hasMessageContaining(
                            "gcloud infra-manager operations describe " + google.location() + "/operations/op-slow");
        }
        assertThat(steps).contains("Creating deployment hello-http-dev: running tf apply");
    }

    private void thumbnailsDeployed(GcpTarget t) {
        google.bucketExists(t.stageBucket());
        google.deploymentActive(t.deploymentId(), "h");
        google.deleteAnswers(t.deploymentId(), "op-del");
        google.operation("op-del", "SUCCEEDED", null);
        google.server.stubFor(get(urlPathEqualTo("/storage/v1/b/" + t.stageBucket() + "/o"))
                .willReturn(okJson("""
                {"kind":"storage#objects","items":[{"kind":"storage#object","bucket":"%1$s","name":"config/main.tf.json","generation":"7"},
                 {"kind":"storage#object","bucket":"%1$s","name":"config/artifacts/make-thumbnail-1.zip","generation":"3"}]}""".formatted(t.stageBucket()))));
        google.server.stubFor(delete(urlPathMatching("/storage/v1/b/.*/o/.*"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(204)));
        google.server.stubFor(delete(urlPathEqualTo("/storage/v1/b/" + t.stageBucket()))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(204)));
    }

    @Test
    void removeKeepsTheBucketsByTakingThemOutOfTheStateFirst() {
        ServiceTarget thumbs = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("thumbnails"));
        GcpTarget t = target(thumbs);
        thumbnailsDeployed(t);
        String d = google.deployment(t.deploymentId());
        google.server.stubFor(
                post(urlPathEqualTo("/v1/" + d + ":lock")).willReturn(okJson("""
                {"name":"%s/operations/op-lock","done":true,"response":{"@type":"type.googleapis.com/google.cloud.config.v1.LockInfo","lockId":"1733650000","operation":"op"}}""".formatted(google.location()))));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + d + ":exportState"))
                .willReturn(okJson("{\"signedUri\":\"" + google.endpoint() + "/signed/state?X-Goog-Signature=abc\"}")));
        google.server.stubFor(get(urlPathEqualTo("/signed/state")).willReturn(okJson("""
                {"version":4,"terraform_version":"1.5.7","serial":12,"lineage":"l","outputs":{},"resources":[
                 {"mode":"managed","type":"google_storage_bucket","name":"uploads","provider":"p","instances":[]},
                 {"mode":"managed","type":"google_storage_bucket","name":"thumbnails","provider":"p","instances":[]},
                 {"mode":"managed","type":"google_storage_bucket","name":"strato_sources","provider":"p","instances":[]},
                 {"mode":"managed","type":"google_cloudfunctions2_function","name":"make_thumbnail","provider":"p","instances":[]}]}""")));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + d + ":importState"))
                .willReturn(
                        okJson("{\"signedUri\":\"" + google.endpoint() + "/signed/upload?X-Goog-Signature=def\"}")));
        google.server.stubFor(put(urlPathEqualTo("/signed/upload"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(200)));
        google.server.stubFor(post(urlPathEqualTo("/v1/" + d + ":unlock"))
                .willReturn(okJson("{\"name\":\"" + google.location()
                        + "/operations/op-unlock\",\"done\":true,\"response\":{}}")));
        RemoveResult r;
        try (GcpSession s = google.session(thumbs)) {
            r = s.remove(false, progress);
        }
        assertThat(r.existed()).isTrue();
        assertThat(r.keptData())
                .containsExactly(
                        "bucket demo-proj-thumbnails-dev-uploads", "bucket demo-proj-thumbnails-dev-thumbnails");
        assertThat(r.deletedData()).isEmpty();
        assertThat(steps).contains(InfraManagerEngine.KEPT_NOTE);
        assertThat(r.artifactObjectsDeleted()).isEqualTo(2);
        // the listing still shows objects (WireMock does not forget them), so the bucket is not deleted
        assertThat(google.server.findAll(deleteRequestedFor(urlPathEqualTo("/storage/v1/b/" + t.stageBucket()))))
                .isEmpty();
        String state = google.server
                .findAll(putRequestedFor(urlPathEqualTo("/signed/upload")))
                .get(0)
                .getBodyAsString();
        assertThat(state)
                .contains("\"serial\":13")
                .contains("strato_sources")
                .contains("make_thumbnail")
                .doesNotContain("\"name\":\"uploads\"")
                .doesNotContain("\"name\":\"thumbnails\"");
        assertThat(google.server
                        .findAll(postRequestedFor(urlPathEqualTo("/v1/" + d + ":importState")))
                        .get(0)
                        .getBodyAsString())
                .contains("\"lockId\":\"1733650000\"");
        // signed URLs carry their own authorization
        assertThat(google.server
                        .findAll(putRequestedFor(urlPathEqualTo("/signed/upload")))
                        .get(0)
                        .containsHeader("Authorization"))
                .isFalse();
        var del = google.server
                .findAll(deleteRequestedFor(urlPathEqualTo("/v1/" + d)))
                .get(0);
        assertThat(del.queryParameter("deletePolicy").firstValue()).isEqualTo("DELETE");
        assertThat(del.queryParameter("force").firstValue()).isEqualTo("true");
    }

    @Test
    void removeWithDataEmptiesTheBucketsAndDeletesTheDatabases() {
        ServiceTarget users = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("users-crud"));
        GcpTarget t = target(users);
        thumbnailsDeployed(t);
        String db = "projects/demo-proj/databases/users-crud-dev-users";
        google.server.stubFor(
                get(urlPathEqualTo("/v1/" + db))
                        .willReturn(
                                okJson(
                                        "{\"name\":\"" + db
                                                + "\",\"type\":\"FIRESTORE_NATIVE\",\"deleteProtectionState\":\"DELETE_PROTECTION_DISABLED\"}")));
        google.server.stubFor(
                delete(urlPathEqualTo("/v1/" + db))
                        .willReturn(
                                okJson(
                                        "{\"name\":\"projects/demo-proj/databases/users-crud-dev-users/operations/op-db\",\"done\":true,\"response\":{}}")));
        RemoveResult r;
        try (GcpSession s = google.session(users)) {
            r = s.remove(true, progress);
        }
        assertThat(r.keptData()).isEmpty();
        assertThat(r.deletedData()).containsExactly("Firestore database users-crud-dev-users");
        assertThat(google.server.findAll(deleteRequestedFor(urlPathEqualTo("/v1/" + db))))
                .hasSize(1);
        assertThat(google.server.findAll(postRequestedFor(urlPathMatching(".*:lock"))))
                .isEmpty();
    }

    @Test
    void infoShowsEachFunctionWithItsStateUriAndTriggerAndTheDataResources() {
        ServiceTarget orders = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("orders"));
        GcpTarget t = target(orders);
        google.deploymentActive(t.deploymentId(), "h");
        google.revision(
                t.deploymentId(),
                "{\"table_orders\":{\"value\":\"orders-dev-orders\"},\"secret\":{\"sensitive\":true,\"value\":\"x\"}}",
                "[]");
        google.function("orders-dev-create-order", "https://create-order-abc-ew.a.run.app");
        google.server.stubFor(get(urlPathMatching("/v2/" + google.location()
                        + "/functions/orders-dev-(get-order|order-worker|process-payment|nightly-report)"))
                .atPriority(9)
                .willReturn(FakeGoogle.error(404, "NOT_FOUND", "Resource not found")));
        dev.strato.provider.StackInfo info;
        try (GcpSession s = google.session(orders)) {
            info = s.info();
        }
        assertThat(info.status()).isEqualTo("ACTIVE");
        assertThat(info.outputs()).containsOnlyKeys("table_orders");
        assertThat(info.endpoints()).containsExactly("createOrder: https://create-order-abc-ew.a.run.app");
        assertThat(info.functions())
                .extracting(f -> f.name() + " " + f.runtime() + " " + f.memory())
                .contains("createOrder nodejs22 512");
        assertThat(info.resources())
                .extracting(r -> r.logicalId() + " | " + r.type() + " | " + r.status())
                .contains(
                        "createOrder | function (http) | ACTIVE",
                        "orderWorker | function (pubsub orders-dev-order-jobs) | NOT_DEPLOYED",
                        "processPayment | function (pubsub orders-dev-payment-requests) | NOT_DEPLOYED")
                .anyMatch(r -> r.contains("scheduler job"))
                .anyMatch(r -> r.startsWith("orders | Firestore database"));
    }

    @Test
    void removeOfNothingSaysSo() {
        ServiceTarget hello = FakeGoogle.target(FakeGoogle.EXAMPLES.resolve("hello-http"));
        GcpTarget t = target(hello);
        google.deploymentMissing(t.deploymentId());
        try (GcpSession s = google.session(hello)) {
            assertThat(s.remove(false, progress).existed()).isFalse();
        }
        assertThat(google.server.findAll(deleteRequestedFor(urlPathMatching(".*"))))
                .isEmpty();
    }
}
