package dev.strato.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bucket names spelled out for import, and nothing else touched. */
class LiteralNamesTest {

    @Test
    void bucketAndPolicyNamesBecomeLiteralsEverythingElseStays() throws IOException {
        Path thumbnails = Path.of("../../examples/thumbnails").toAbsolutePath().normalize();
        try (GeneratedStack generated = GeneratedStack.inTempDir(AwsTestTargets.target(thumbnails))) {
            String template =
                    Files.readString(generated.file(generated.manifest().templateFile()), StandardCharsets.UTF_8);
            String literal = LiteralNames.apply(template, "123456789012", "eu-west-1");
            assertThat(literal)
                    .contains(
                            "      BucketName: 'thumbnails-dev-uploads-123456789012-eu-west-1'\n",
                            "      Bucket: 'thumbnails-dev-uploads-123456789012-eu-west-1'\n",
                            "      BucketName: 'thumbnails-dev-thumbnails-123456789012-eu-west-1'\n")
                    .doesNotContain("BucketName: !Sub")
                    .doesNotContain("Bucket: !Sub");
            // ARNs in policies keep their Sub: only the two name properties are import identifiers
            assertThat(literal.lines()
                            .filter(l -> l.contains("${AWS::AccountId}"))
                            .count())
                    .isEqualTo(template.lines()
                                    .filter(l -> l.contains("${AWS::AccountId}"))
                                    .count()
                            - 4);
            assertThat(literal.length()).isLessThan(template.length());
        }
    }

    @Test
    void otherSubstitutionsInANameAreLeftAlone() {
        String t = "      BucketName: !Sub '${Prefix}-x-${AWS::AccountId}-${AWS::Region}'\n";
        assertThat(LiteralNames.apply(t, "123456789012", "us-east-1")).isEqualTo(t);
    }

    @Test
    void aStackCreatedWithSubstitutedNamesIsToldApartSoItsUpdatesKeepThem() {
        // BucketName changes need a replacement: a stack keeps the spelling it was created with
        assertThat(LiteralNames.hasSubstitutedNames(
                        "      BucketName: !Sub 'shop-dev-uploads-${AWS::AccountId}-${AWS::Region}'\n"))
                .isTrue();
        assertThat(LiteralNames.hasSubstitutedNames("      BucketName: 'shop-dev-uploads-123456789012-us-east-1'\n"))
                .isFalse();
        assertThat(LiteralNames.hasSubstitutedNames("Resources: {}\n")).isFalse();
    }
}
