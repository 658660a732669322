package dev.strato.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.DeployResult;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ResourceChange;
import dev.strato.provider.aws.testing.MotoAws;
import dev.strato.provider.aws.testing.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose template is over CloudFormation's inline limit (51,200 bytes) but under its 500
 * resources: deploy uploads the template to the stage's artifact bucket and passes its URL.
 */
class LargeTemplateIT {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final int FUNCTIONS = 40;
    private static final String BUCKET = "strato-big-dev-123456789012-us-east-1-an";

    @TempDir
    Path project;

    @Test
    void templateGoesThroughTheArtifactBucketAndASecondDeployChangesNothing() throws IOException {
        writeService();
        try (GeneratedStack generated = GeneratedStack.inTempDir(AwsTestTargets.target(project))) {
            StackManifest manifest = generated.manifest();
            assertThat(Files.size(generated.file(manifest.templateFile())))
                    .as("template bytes")
                    .isGreaterThan(51_200);
            assertThat(manifest.uploadTemplate()).isTrue();
        }

        // diff sends the template the way deploy does: by URL from the artifact bucket
        assertThat(diff()).isNotEmpty();
        DeployResult first = deploy();
        assertThat(first.executed()).isTrue();
        try (MotoAws moto = new MotoAws(MOTO.endpoint(), "us-east-1")) {
            assertThat(moto.objectKeys(BUCKET, "templates/"))
                    .singleElement()
                    .asString()
                    .startsWith("templates/big-dev-")
                    .endsWith(".yaml");
            assertThat(moto.stackStatus("big-dev")).isEqualTo("CREATE_COMPLETE");
        }

        DeployResult second = deploy();
        assertThat(second.changes()).isFalse();
        assertThat(second.executed()).isFalse();
        assertThat(second.uploadedArtifacts()).isZero();
        try (MotoAws moto = new MotoAws(MOTO.endpoint(), "us-east-1")) {
            assertThat(moto.stackUpdates("big-dev")).isZero();
            assertThat(moto.objectKeys(BUCKET, "templates/")).hasSize(1);
        }
        assertThat(diff()).isEmpty();
    }

    private List<ResourceChange> diff() {
        try (AwsSession session = session()) {
            return session.diff(ProgressListener.NONE);
        }
    }

    private DeployResult deploy() {
        try (AwsSession session = session()) {
            return session.deploy(true, ProgressListener.NONE);
        }
    }

    private AwsSession session() {
        // moto reads a TemplateURL from its own S3 only when the URL names localhost or amazonaws.com (not 127.0.0.1)
        URI endpoint = URI.create("http://localhost:" + MOTO.endpoint().getPort());
        return new AwsSession(AwsTestTargets.connection(endpoint), AwsTestTargets.target(project), AwsTestTargets.FAST);
    }

    /** FUNCTIONS HTTP functions with descriptions long enough to pass the inline limit with few resources. */
    private void writeService() throws IOException {
        StringBuilder yml = new StringBuilder(
                "service: big\nruntime: nodejs22\nstage: dev\nproviders:\n  aws: { region: us-east-1 }\nfunctions:\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            yml.append("  fn")
                    .append(i)
                    .append(":\n    handler: src/handler.main\n    description: \"")
                    .append(("function " + i + " of a service whose template is too large to pass inline. ")
                            .repeat(3)
                            .strip())
                    .append("\"\n    events:\n      - http: { method: GET, path: /fn")
                    .append(i)
                    .append(" }\n");
        }
        Files.writeString(project.resolve("strato.yml"), yml);
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/handler.js"), "exports.main = async () => ({ statusCode: 200 });\n");
    }
}
