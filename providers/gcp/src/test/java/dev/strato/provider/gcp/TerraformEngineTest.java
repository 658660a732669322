package dev.strato.provider.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProviderException;
import dev.strato.provider.RemoveResult;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.ServiceTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terraform engine with a fake terraform on PATH (it records its arguments); Storage on WireMock. */
class TerraformEngineTest {

    @TempDir
    Path home;

    @TempDir
    Path bin;

    @TempDir
    Path answers;

    FakeGoogle google;
    final RecordedSteps progress = new RecordedSteps();
    final List<String> steps = progress.steps;

    @BeforeEach
    void start() throws IOException {
        google = new FakeGoogle(home);
        try (InputStream in = getClass().getResourceAsStream("/fake-terraform/terraform")) {
            Path tf = bin.resolve("terraform");
            Files.copy(in, tf);
            tf.toFile().setExecutable(true);
        }
    }

    @AfterEach
    void stop() {
        google.close();
    }

    /** An example copied with providers.gcp.engine: terraform. */
    ServiceTarget example(String name, Path dir) throws IOException {
        InfraManagerDeployTest.copy(FakeGoogle.EXAMPLES.resolve(name), dir);
        Path yml = dir.resolve("strato.yml");
        String text = Files.readString(yml);
        String replaced = text.replaceFirst(
                "gcp: \\{ ?project: ([a-z0-9-]+), region: ([a-z0-9-]+) ?}",
                "gcp: { project: $1, region: $2, engine: terraform }");
        assertThat(replaced).as("the example's gcp block").isNotEqualTo(text);
        Files.writeString(yml, replaced);
        return FakeGoogle.target(dir);
    }

    GcpSession session(ServiceTarget target, String path) {
        Map<String, String> env = new java.util.HashMap<>(google.environment());
        env.put("PATH", path);
        env.put("FAKE_TF_LOG", answers.resolve("log").toString());
        env.put("FAKE_TF_DIR", answers.toString());
        return new GcpSession(
                new dev.strato.provider.Connection(FakeGoogle.REGION, null, google.endpoint(), env, FakeGoogle.PROJECT),
                target,
                FakeGoogle.FAST);
    }

    List<String> log() throws IOException {
        return Files.readAllLines(answers.resolve("log"));
    }

    void answer(String file, String content) throws IOException {
        Files.writeString(answers.resolve(file), content);
    }

    String path() {
        return bin + ":/usr/bin:/bin";
    }

    @Test
    void noChangesPlansOnceAndAppliesNothing(@TempDir Path project) throws IOException {
        ServiceTarget hello = example("hello-http", project);
        GcpTarget t = GcpTarget.of(google.connection(), hello.service());
        google.bucketExists(t.stageBucket());
        answer("plan-exit", "0");
        answer(
                "outputs.json",
                "{\"function_hello_url\":{\"sensitive\":false,\"type\":\"string\",\"value\":\"https://hello-abc-ew.a.run.app\"}}");
        DeployResult r;
        try (GcpSession s = session(hello, path())) {
            r = s.deploy(true, progress);
        }
        assertThat(r.changes()).isFalse();
        assertThat(r.outputs()).containsEntry("function_hello_url", "https://hello-abc-ew.a.run.app");
        assertThat(log())
                .containsExactly(
                        "init -input=false -no-color",
                        "state list",
                        "plan -input=false -no-color -detailed-exitcode -out=strato.tfplan -var project=demo-proj -var region=europe-west1",
                        "output -json -no-color");
        assertThat(Files.readString(answers.resolve("seen-backend.json")))
                .isEqualTo(
                        "{\"terraform\":{\"backend\":{\"gcs\":{\"bucket\":\"demo-proj-hello-http-dev-strato\",\"prefix\":\"terraform/state\"}}}}");
    }

    @Test
    void changesArePlannedThenAppliedFromThePlanFile(@TempDir Path project) throws IOException {
        ServiceTarget hello = example("hello-http", project);
        GcpTarget t = GcpTarget.of(google.connection(), hello.service());
        google.bucketExists(t.stageBucket());
        google.function("hello-http-dev-hello", "https://hello-abc-ew.a.run.app");
        answer("plan-exit", "2");
        answer("show.json", """
                {"format_version":"1.2","resource_changes":[
                 {"address":"google_cloudfunctions2_function.hello","type":"google_cloudfunctions2_function","change":{"actions":["create"]}},
                 {"address":"google_storage_bucket_object.hello","type":"google_storage_bucket_object","change":{"actions":["delete","create"]}},
                 {"address":"google_service_account.hello","type":"google_service_account","change":{"actions":["no-op"]}}]}""");
        DeployResult r;
        try (GcpSession s = session(hello, path())) {
            r = s.deploy(true, progress);
        }
        assertThat(r.executed()).isTrue();
        assertThat(r.changeRows())
                .containsExactly(
                        new ResourceChange(
                                "Add", "google_cloudfunctions2_function.hello", "google_cloudfunctions2_function", ""),
                        new ResourceChange(
                                "Modify",
                                "google_storage_bucket_object.hello",
                                "google_storage_bucket_object",
                                "True"));
        assertThat(log())
                .contains(
                        "show -json -no-color strato.tfplan",
                        "apply -input=false -no-color -auto-approve strato.tfplan");
        assertThat(steps).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
    }

    @Test
    void aPlanErrorShowsTerraformsErrorLines(@TempDir Path project) throws IOException {
        ServiceTarget hello = example("hello-http", project);
        google.bucketExists(GcpTarget.of(google.connection(), hello.service()).stageBucket());
        answer("plan-exit", "1");
        try (GcpSession s = session(hello, path())) {
            assertThatThrownBy(() -> s.diff(progress)).isInstanceOfSatisfying(ProviderException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("terraform plan failed with 1 Terraform error");
                assertThat(e.details())
                        .containsExactly(
                                "Error: Invalid function argument Invalid value for \"path\" parameter: no file exists.");
            });
        }
    }

    @Test
    void iamPropagationOnApplyIsRetried(@TempDir Path project) throws IOException {
        ServiceTarget hello = example("hello-http", project);
        google.bucketExists(GcpTarget.of(google.connection(), hello.service()).stageBucket());
        google.function("hello-http-dev-hello", "https://hello-abc-ew.a.run.app");
        answer("plan-exit", "2");
        answer("apply-fails", "1");
        answer(
                "show.json",
                "{\"resource_changes\":[{\"address\":\"google_eventarc_trigger.x\",\"type\":\"google_eventarc_trigger\",\"change\":{\"actions\":[\"create\"]}}]}");
        try (GcpSession s = session(hello, path())) {
            assertThat(s.deploy(true, progress).executed()).isTrue();
        }
        assertThat(steps).anyMatch(m -> m.startsWith("Waiting for IAM"));
        assertThat(log().stream().filter(l -> l.startsWith("apply"))).hasSize(2);
    }

    @Test
    void withoutTerraformOrTofuOnPathTheErrorNamesBoth(@TempDir Path project) throws IOException {
        ServiceTarget hello = example("hello-http", project);
        google.bucketExists(GcpTarget.of(google.connection(), hello.service()).stageBucket());
        try (GcpSession s = session(hello, home.toString())) {
            assertThatThrownBy(() -> s.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("neither terraform nor tofu is on PATH")
                    .hasMessageContaining("OpenTofu");
        }
    }

    @Test
    void removeKeepsTheBucketsOutOfTheDestroyAndARedeployImportsThem(@TempDir Path project) throws IOException {
        ServiceTarget thumbs = example("thumbnails", project);
        GcpTarget t = GcpTarget.of(google.connection(), thumbs.service());
        google.bucketExists(t.stageBucket());
        answer(
                "state-list",
                "google_storage_bucket.uploads\ngoogle_storage_bucket.thumbnails\ngoogle_storage_bucket.strato_sources\ngoogle_cloudfunctions2_function.make_thumbnail\n");
        RemoveResult r;
        try (GcpSession s = session(thumbs, path())) {
            r = s.remove(false, progress);
        }
        assertThat(r.keptData())
                .containsExactly(
                        "bucket demo-proj-thumbnails-dev-uploads", "bucket demo-proj-thumbnails-dev-thumbnails");
        assertThat(log())
                .contains(
                        "state rm google_storage_bucket.uploads google_storage_bucket.thumbnails",
                        "destroy -input=false -no-color -auto-approve -var project=demo-proj -var region=europe-west1");
        // the redeploy: the buckets exist, the state no longer has them
        answer("state-list", "");
        google.bucketExists("demo-proj-thumbnails-dev-uploads");
        google.bucketExists("demo-proj-thumbnails-dev-thumbnails");
        answer("plan-exit", "0");
        try (GcpSession s = session(thumbs, path())) {
            s.deploy(true, progress);
        }
        assertThat(Files.readString(answers.resolve("seen-imports.json")))
                .isEqualTo(
                        "{\"import\":["
                                + "{\"to\":\"google_storage_bucket.uploads\",\"id\":\"demo-proj/demo-proj-thumbnails-dev-uploads\"},"
                                + "{\"to\":\"google_storage_bucket.thumbnails\",\"id\":\"demo-proj/demo-proj-thumbnails-dev-thumbnails\"}]}");
    }
}
