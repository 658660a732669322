package dev.strato.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The artifact bucket's name and policy, without a cloud. */
class ArtifactBucketTest {

    @Test
    void nameIsInTheAccountRegionalNamespaceWhereS3HasOne() {
        assertThat(ArtifactBucket.name("orders-dev", "123456789012", "eu-west-1"))
                .isEqualTo("strato-orders-dev-123456789012-eu-west-1-an");
        // "all AWS Regions except Middle East (Bahrain) and Middle East (UAE)"
        assertThat(ArtifactBucket.name("orders-dev", "123456789012", "me-south-1"))
                .isEqualTo("strato-orders-dev-123456789012-me-south-1");
        assertThat(ArtifactBucket.name("orders-dev", "123456789012", "me-central-1"))
                .isEqualTo("strato-orders-dev-123456789012-me-central-1");
    }

    @Test
    void longStackNamesAreShortenedAndKeepTheNamespaceSuffix() {
        String name = ArtifactBucket.name(
                "a-very-long-service-name-for-testing-production", "123456789012", "ap-southeast-2");
        assertThat(name)
                .hasSizeLessThanOrEqualTo(63)
                .startsWith("strato-a-very")
                .endsWith("-123456789012-ap-southeast-2-an")
                .matches("[a-z0-9][a-z0-9-]*[a-z0-9]")
                .doesNotContain("--");
        assertThat(ArtifactBucket.name(
                        "a-very-long-service-name-for-testing-staging", "123456789012", "ap-southeast-2"))
                .isNotEqualTo(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void policyRefusesEveryRequestWithoutTls() {
        Map<String, Object> policy = ArtifactBucket.policy("b-123456789012-us-east-1-an", List.of());
        assertThat((List<Map<String, Object>>) policy.get("Statement"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s)
                            .containsEntry("Effect", "Deny")
                            .containsEntry("Principal", "*")
                            .containsEntry("Action", "s3:*")
                            .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
                    assertThat(s.get("Resource"))
                            .isEqualTo(List.of(
                                    "arn:aws:s3:::b-123456789012-us-east-1-an",
                                    "arn:aws:s3:::b-123456789012-us-east-1-an/*"));
                });
    }
}
