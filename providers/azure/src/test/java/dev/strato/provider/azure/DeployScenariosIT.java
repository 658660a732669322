package dev.strato.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import dev.strato.provider.StackEvent;
import dev.strato.provider.azure.testing.Azurite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys of examples/hello-http: ARM (WireMock, REST-reference bodies) and the package upload to a
 * real Azurite over HTTPS with bearer tokens; Flex Consumption's one deploy on the SCM site (WireMock,
 * shaped after Kudu's deployment API, arm/scm/README.md). Flex: first deploy (one publish with a bearer
 * token), no-op redeploy (nothing published), one handler changed (one more publish), a failed publish
 * with the deployment's message. Consumption: the run-from-package blob, restart and trigger sync. And
 * a failed deployment operation with its code and message.
 */
class DeployScenariosIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    @TempDir
    Path dir;

    private AzureWireMock arm;

    /** What a deploy reported while it ran. */
    static final class Recorder implements ProgressListener {
        final List<String> steps = new ArrayList<>();
        final List<StackEvent> events = new ArrayList<>();
        long uploaded;

        @Override
        public void step(String message) {
            steps.add(message);
        }

        @Override
        public void event(StackEvent event) {
            events.add(event);
        }

        @Override
        public void uploaded(long bytes) {
            uploaded += bytes;
        }
    }

    private AzureWireMock start(ServiceTarget target) {
        arm = new AzureWireMock(
                "strato-" + target.service().name() + "-" + target.service().stage(), AZURITE.blobEndpoint());
        arm.token();
        arm.app();
        // each test starts with no package deployed (Azurite lives as long as the class)
        new AzureClients(AzureTestTargets.connection(arm), AzureTestTargets.FAST)
                .blobs(AZURITE.blobEndpoint())
                .getBlobContainerClient("app-package")
                .deleteIfExists();
        return arm;
    }

    @AfterEach
    void stop() {
        if (arm != null) arm.close();
    }

    /** The one-deploy requests WireMock received. */
    private List<LoggedRequest> publishes() {
        return arm.server.findAll(postRequestedFor(urlPathEqualTo(AzureWireMock.PUBLISH)));
    }

    private BlobClient blob(String name) {
        return new AzureClients(AzureTestTargets.connection(arm), AzureTestTargets.FAST)
                .blobs(AZURITE.blobEndpoint())
                .getBlobContainerClient("app-package")
                .getBlobClient(name);
    }

    @Test
    void flexFirstDeployThenNoOpThenOneHandlerChanged() throws Exception {
        Path project = AzureTestTargets.copy("hello-http", dir.resolve("hello-http"));
        ServiceTarget target = AzureTestTargets.target(project);
        start(target);
        arm.groupMissingThenCreated();
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");

        // 1. first deploy: group created, one deployment followed to its end, the package published once through one
        // deploy
        Recorder first = new Recorder();
        DeployResult r1;
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            r1 = s.deploy(true, first);
        }
        assertThat(arm.unmatchedList()).isEqualTo("[]");
        assertThat(r1.changes()).isTrue();
        assertThat(r1.executed()).isTrue();
        assertThat(r1.stack()).isEqualTo("strato-hello-http-dev");
        assertThat(r1.changeRows()).extracting(ResourceChange::action).containsOnly("Create");
        assertThat(r1.changeRows()).hasSize(5);
        assertThat(r1.uploadedArtifacts()).isEqualTo(1);
        assertThat(r1.uploadedBytes()).isPositive().isEqualTo(first.uploaded);
        assertThat(first.steps).anyMatch(m -> m.startsWith("Creating resource group rg-hello-http-dev in westeurope"));
        assertThat(first.steps)
                .contains(
                        "Publishing app.zip to " + AzureWireMock.APP + " through one deploy",
                        "One deploy: Building and deploying the package");
        assertThat(first.events).extracting(StackEvent::logicalId).contains(AzureWireMock.STORAGE, AzureWireMock.APP);
        assertThat(arm.count("PUT", arm.group())).isEqualTo(1);
        assertThat(arm.count("PUT", arm.deploymentPath())).isEqualTo(1);
        List<LoggedRequest> published = publishes();
        assertThat(published).hasSize(1);
        LoggedRequest publish = published.get(0);
        assertThat(publish.queryParameter("RemoteBuild").firstValue()).isEqualTo("false");
        assertThat(publish.queryParameter("Deployer").firstValue()).isEqualTo("strato");
        assertThat(publish.getHeader("Content-Type")).isEqualTo("application/zip");
        assertThat(publish.getHeader("Authorization"))
                .as("an Entra ID bearer token, not basic credentials")
                .startsWith("Bearer ey");
        assertThat(publish.getBody()).hasSize((int) r1.uploadedBytes());
        assertThat(arm
                        .server
                        .findAll(postRequestedFor(urlPathMatching("/" + AzureWireMock.TENANT + "/oauth2/v2.0/token")))
                        .stream()
                        .map(LoggedRequest::getBodyAsString))
                .anyMatch(b -> b.contains("management.core.windows.net"));
        assertThat(arm.count("GET", AzureWireMock.DEPLOYMENT_STATUS)).isEqualTo(2);
        // the platform restarts the app and syncs its triggers after one deploy; strato writes no package blob
        assertThat(arm.count("POST", arm.site() + "/restart")).isZero();
        assertThat(arm.count("POST", arm.site() + "/syncfunctiontriggers")).isZero();
        assertThat(blob("app.zip").exists()).isFalse();
        String sha = GeneratedStack.sha256(publish.getBody());
        assertThat(blob(ArtifactUploader.FLEX_MARKER).getProperties().getMetadata())
                .containsEntry("sha256", sha);

        // 2. no-op redeploy: what-if all NoChange/Ignore, no deployment started, nothing published
        arm.whatIf("resources/whatif-nochange.json");
        Recorder second = new Recorder();
        DeployResult r2;
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            r2 = s.deploy(true, second);
        }
        assertThat(r2.changes()).isFalse();
        assertThat(r2.changeRows()).isEmpty();
        assertThat(r2.uploadedBytes()).isZero();
        assertThat(r2.uploadedArtifacts()).isZero();
        assertThat(r2.skippedArtifacts()).isEqualTo(1);
        assertThat(second.uploaded).isZero();
        assertThat(second.steps).contains("What-if: 1 ignore, 5 unchanged");
        assertThat(arm.count("PUT", arm.deploymentPath()))
                .as("no second deployment")
                .isEqualTo(1);
        assertThat(publishes()).as("nothing published").hasSize(1);

        // 3. one handler changed: the template is the same, the package differs: one more publish
        Path handler = project.resolve("src/hello.js");
        Files.writeString(handler, Files.readString(handler) + "\n// changed\n");
        DeployResult r3;
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.target(project))) {
            assertThat(s.diff(new Recorder()))
                    .containsExactly(new ResourceChange("Modify", "app.zip", "package", "sha256"));
            r3 = s.deploy(true, new Recorder());
        }
        assertThat(r3.changes()).isTrue();
        assertThat(r3.uploadedArtifacts()).isEqualTo(1);
        assertThat(r3.uploadedBytes()).isPositive();
        assertThat(arm.count("PUT", arm.deploymentPath())).isEqualTo(1);
        assertThat(publishes()).hasSize(2);
        assertThat(blob(ArtifactUploader.FLEX_MARKER)
                        .getProperties()
                        .getMetadata()
                        .get("sha256"))
                .isEqualTo(GeneratedStack.sha256(publishes().get(1).getBody()))
                .isNotEqualTo(sha);
        assertThat(arm.unmatchedList()).isEqualTo("[]");
    }

    @Test
    void flexFailedPublishReportsTheDeploymentsMessageAndRecordsNothing() throws Exception {
        ServiceTarget target = AzureTestTargets.example("hello-http");
        start(target);
        arm.groupExists("resources/group.json");
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated(
                "resources/deployment-succeeded-remote-build.json", "resources/operations-succeeded.json");
        arm.server.resetScenarios();
        arm.oneDeploy("scm/deployment-failed.json");
        Recorder progress = new Recorder();
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, progress))
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.getMessage())
                                    .isEqualTo("one deploy of app.zip to " + AzureWireMock.APP
                                            + " failed: Deployment Failed. deployer = strato deploymentPath = Functions App ZipDeploy."
                                            + " Extract zip. Remote build. Error: npm install exited with code 1: npm ERR! 404 Not Found - GET left-pad-nonexistent"
                                            + " (log: https://127.0.0.1:" + arm.server.httpsPort()
                                            + AzureWireMock.DEPLOYMENT_STATUS + "/log)"));
        }
        // the template's remoteBuild output asks for a remote build
        assertThat(publishes()).hasSize(1);
        assertThat(publishes().get(0).queryParameter("RemoteBuild").firstValue())
                .isEqualTo("true");
        assertThat(progress.steps)
                .contains("Publishing app.zip to " + AzureWireMock.APP + " through one deploy with a remote build");
        // nothing recorded: the next deploy publishes again
        assertThat(blob(ArtifactUploader.FLEX_MARKER).exists()).isFalse();
    }

    @Test
    void flexPublishWithoutLocationIsFollowedAtDeploymentsLatestAndABusySiteSaysSo() {
        ServiceTarget target = AzureTestTargets.example("hello-http");
        start(target);
        arm.groupExists("resources/group.json");
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");
        arm.stub(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(AzureWireMock.PUBLISH))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(202)));
        arm.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/deployments/latest"))
                .willReturn(arm.json(200, "scm/deployment-success.json")));
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThat(s.deploy(true, new Recorder()).uploadedArtifacts()).isEqualTo(1);
        }
        assertThat(arm.count("GET", "/api/deployments/latest")).isEqualTo(1);

        // another deployment in progress: 409, said in one line, nothing recorded
        blob(ArtifactUploader.FLEX_MARKER).delete();
        arm.stub(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo(AzureWireMock.PUBLISH))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(409)));
        arm.whatIf("resources/whatif-nochange.json");
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, new Recorder()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage("could not publish app.zip to " + AzureWireMock.APP
                            + ": another deployment is in progress (409); wait for it (https://127.0.0.1:"
                            + arm.server.httpsPort() + "/api/deployments/latest) and deploy again");
        }
        assertThat(blob(ArtifactUploader.FLEX_MARKER).exists()).isFalse();
    }

    @Test
    void consumptionStillUploadsTheRunFromPackageBlobThenRestartsAndSyncs() throws Exception {
        Path project = AzureTestTargets.copy("hello-http", dir.resolve("consumption"));
        Path yml = project.resolve("strato.yml");
        Files.writeString(
                yml,
                Files.readString(yml)
                        .replace(
                                "azure: { location: westeurope }",
                                "azure: { location: westeurope, plan: consumption }"));
        ServiceTarget target = AzureTestTargets.target(project);
        start(target);
        arm.groupExists("resources/group.json");
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");
        DeployResult r;
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            r = s.deploy(true, new Recorder());
        }
        assertThat(r.uploadedArtifacts()).isEqualTo(1);
        assertThat(publishes()).as("no one deploy on Consumption").isEmpty();
        assertThat(arm.count("POST", arm.site() + "/restart")).isEqualTo(1);
        assertThat(arm.count("POST", arm.site() + "/syncfunctiontriggers")).isEqualTo(1);
        byte[] deployed = blob("app.zip").downloadContent().toBytes();
        assertThat(deployed).hasSize((int) r.uploadedBytes());
        assertThat(blob("app.zip").getProperties().getMetadata())
                .containsEntry("sha256", GeneratedStack.sha256(deployed));

        // unchanged: nothing uploaded, no restart
        arm.whatIf("resources/whatif-nochange.json");
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThat(s.deploy(true, new Recorder()).uploadedBytes()).isZero();
        }
        assertThat(arm.count("POST", arm.site() + "/restart")).isEqualTo(1);
        assertThat(arm.unmatchedList()).isEqualTo("[]");
    }

    @Test
    void failedOperationIsReportedWithItsCodeAndMessage() {
        ServiceTarget target = AzureTestTargets.example("hello-http");
        start(target);
        arm.groupExists("resources/group.json");
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-failed.json", "resources/operations-failed.json");
        Recorder progress = new Recorder();
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThatThrownBy(() -> s.deploy(true, progress)).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.getMessage())
                        .isEqualTo(
                                "deployment strato-hello-http-dev failed (1 failed operation); fix the cause and deploy again");
                assertThat(e.details())
                        .containsExactly(
                                "Microsoft.Web/sites " + AzureWireMock.APP
                                        + ": 51021: The parameter 'FtpsState' is not supported for function apps on the Flex Consumption plan.");
            });
        }
        assertThat(progress.events).anyMatch(ev -> ev.failed() && ev.logicalId().equals(AzureWireMock.APP));
        assertThat(progress.uploaded)
                .as("nothing uploaded after a failed deployment")
                .isZero();
        assertThat(arm.count("POST", arm.site() + "/restart")).isZero();
    }

    @Test
    void diffShowsWhatIfRowsWithPropertyPathsAndThePackage() throws Exception {
        Path project = AzureTestTargets.copy("hello-http", dir.resolve("diff"));
        ServiceTarget target = AzureTestTargets.target(project);
        start(target);
        // nothing deployed: every template resource and the package are created, without calling what-if
        arm.groupMissing();
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            List<ResourceChange> rows = s.diff(new Recorder());
            assertThat(rows).extracting(ResourceChange::action).containsOnly("Create");
            assertThat(rows).extracting(ResourceChange::type).contains("Microsoft.Web/sites", "package");
        }
        assertThat(arm.count("POST", arm.deploymentPath() + "/whatIf")).isZero();

        // --no-execute on a missing group: what-if only, nothing created or uploaded
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            DeployResult r = s.deploy(false, new Recorder());
            assertThat(r.executed()).isFalse();
            assertThat(r.changes()).isTrue();
            assertThat(r.uploadedBytes()).isZero();
        }
        assertThat(arm.count("PUT", arm.group())).isZero();

        // deployed, then a template change: Modify with its property paths (NoEffect left out), a Create, package
        // unchanged
        arm.server.resetAll();
        arm.token();
        arm.app();
        arm.groupMissingThenCreated();
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            s.deploy(true, new Recorder());
        }
        arm.whatIf("resources/whatif-modify.json");
        Recorder progress = new Recorder();
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            assertThat(s.diff(progress))
                    .containsExactly(
                            new ResourceChange(
                                    "Modify",
                                    AzureWireMock.APP,
                                    "Microsoft.Web/sites",
                                    "properties.siteConfig.appSettings, tags.team"),
                            new ResourceChange(
                                    "Create",
                                    "0b1c2d3e-0000-4000-8000-000000000001",
                                    "Microsoft.Authorization/roleAssignments",
                                    ""));
        }
        assertThat(progress.steps).contains("What-if: 1 create, 1 modify, 1 unchanged");

        // --no-execute with changes: stops after what-if
        try (AzureSession s = AzureTestTargets.session(AzureTestTargets.connection(arm), target)) {
            DeployResult r = s.deploy(false, new Recorder());
            assertThat(r.executed()).isFalse();
            assertThat(r.changeRows()).hasSize(2);
        }
        assertThat(arm.count("PUT", arm.deploymentPath())).isEqualTo(1);

        // a changed handler shows as a package row
        Path handler = project.resolve("src/hello.js");
        Files.writeString(handler, Files.readString(handler) + "\n// changed\n");
        arm.whatIf("resources/whatif-nochange.json");
        try (AzureSession s =
                AzureTestTargets.session(AzureTestTargets.connection(arm), AzureTestTargets.target(project))) {
            assertThat(s.diff(new Recorder()))
                    .containsExactly(new ResourceChange("Modify", "app.zip", "package", "sha256"));
        }
    }
}
