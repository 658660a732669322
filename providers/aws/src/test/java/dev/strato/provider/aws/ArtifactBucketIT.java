package dev.strato.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.aws.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The artifact bucket on moto (which models the account-regional namespace, public access block,
 * encryption, versioning, lifecycle and tags, but not ExpectedBucketOwner: that is
 * {@link ArtifactBucketWireMockTest}).
 */
class ArtifactBucketIT {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String BUCKET = "strato-pkg-dev-123456789012-us-east-1-an";

    @TempDir
    Path project;

    private S3Client s3;

    @BeforeEach
    void client() {
        s3 = S3Client.builder()
                .endpointOverride(MOTO.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void bucketIsCreatedInTheAccountRegionalNamespaceLockedDownWithALifecycle() throws IOException {
        release("v1");
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains(BUCKET);
        var pab = s3.getPublicAccessBlock(b -> b.bucket(BUCKET)).publicAccessBlockConfiguration();
        assertThat(List.of(
                        pab.blockPublicAcls(),
                        pab.ignorePublicAcls(),
                        pab.blockPublicPolicy(),
                        pab.restrictPublicBuckets()))
                .containsOnly(true);
        assertThat(s3.getBucketEncryption(b -> b.bucket(BUCKET))
                        .serverSideEncryptionConfiguration()
                        .rules())
                .singleElement()
                .satisfies(
                        r -> assertThat(r.applyServerSideEncryptionByDefault().sseAlgorithmAsString())
                                .isEqualTo("AES256"));
        assertThat(s3.getBucketVersioning(b -> b.bucket(BUCKET)).statusAsString())
                .isEqualTo("Enabled");
        List<LifecycleRule> rules =
                s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)).rules();
        assertThat(rules)
                .extracting(LifecycleRule::id)
                .containsExactly(ArtifactBucket.EXPIRE_RULE, ArtifactBucket.MARKER_RULE);
        assertThat(rules.get(0).filter().tag().key()).isEqualTo("strato-retired");
        assertThat(rules.get(0).expiration().days()).isEqualTo(ArtifactBucket.EXPIRE_DAYS);
        assertThat(rules.get(1).noncurrentVersionExpiration().noncurrentDays()).isEqualTo(1);
    }

    @Test
    void onlyPackagesOfReleasesBeforeThePreviousOneAreMarkedToExpire() throws IOException {
        String first = release("v1");
        String second = release("v2");
        assertThat(retired()).isEmpty();
        String third = release("v3");
        assertThat(retired()).containsExactly(first);
        assertThat(tags(second)).isEmpty();
        assertThat(tags(third)).isEmpty();
        // going back to v1's code uses its package again: it must not expire under the live release
        release("v1");
        assertThat(tags(first)).isEmpty();
        assertThat(retired()).containsExactly(second);
        release("v4");
        assertThat(retired()).containsExactlyInAnyOrder(second, third);
    }

    @Test
    void aReusedBucketWhoseSettingsWereRemovedGetsThemBack() throws IOException {
        release("v1");
        s3.deleteBucketLifecycle(b -> b.bucket(BUCKET));
        s3.deletePublicAccessBlock(b -> b.bucket(BUCKET));
        release("v2");
        assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(BUCKET)).rules())
                .extracting(LifecycleRule::id)
                .contains(ArtifactBucket.EXPIRE_RULE, ArtifactBucket.MARKER_RULE);
        assertThat(s3.getPublicAccessBlock(b -> b.bucket(BUCKET))
                        .publicAccessBlockConfiguration()
                        .blockPublicPolicy())
                .isTrue();
    }

    /** Deploys the service with a handler that returns {@code version}; the package key of that release. */
    private String release(String version) throws IOException {
        // the description changes with the code: moto finds no change in a change set that changes only parameters
        Files.writeString(project.resolve("strato.yml"), """
                service: pkg
                runtime: nodejs22
                stage: dev
                providers:
                  aws: { region: us-east-1 }
                functions:
                  api:
                    handler: src/handler.main
                    description: release %s
                """.formatted(version));
        Files.createDirectories(project.resolve("src"));
        Files.writeString(
                project.resolve("src/handler.js"), "exports.main = async () => ({ body: '" + version + "' });\n");
        try (AwsSession session = new AwsSession(
                AwsTestTargets.connection(MOTO.endpoint()), AwsTestTargets.target(project), AwsTestTargets.FAST)) {
            session.deploy(true, new ProgressListener() {
                @Override
                public void step(String message) {
                    if (message.startsWith("warning")) throw new AssertionError(message);
                }
            });
        }
        try (GeneratedStack generated = GeneratedStack.inTempDir(AwsTestTargets.target(project))) {
            return generated.manifest().artifacts().get(0).key();
        }
    }

    private List<String> retired() {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("artifacts/")).contents().stream()
                .map(o -> o.key())
                .filter(k -> "true".equals(tags(k).get(ArtifactBucket.RETIRED_TAG)))
                .toList();
    }

    private Map<String, String> tags(String key) {
        return s3.getObjectTagging(b -> b.bucket(BUCKET).key(key)).tagSet().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }
}
