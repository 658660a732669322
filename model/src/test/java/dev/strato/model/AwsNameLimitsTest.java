package dev.strato.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits CloudFormation, Lambda and S3 enforce at deploy time, reported by validate with positions. */
class AwsNameLimitsTest {

    @TempDir
    Path dir;

    @Test
    void descriptionsOverTheirLimitsAreErrorsAtTheirPosition() {
        LoadResult r = Models.load(dir, """
                service: orders
                description: %s
                runtime: nodejs22
                providers:
                  aws: { region: us-east-1 }
                functions:
                  api:
                    handler: src/a.main
                    description: %s
                """.formatted("d".repeat(1025), "f".repeat(257)));
        assertThat(Models.errors(r))
                .contains(
                        "strato.yml:2:14: error: description: description 1025 characters exceeds aws limit 1024 characters"
                                + " (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-description-structure.html)",
                        "strato.yml:9:18: error: functions.api.description: description 257 characters exceeds aws limit 256 characters"
                                + " (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html)");
    }

    @Test
    void aServiceNameWithAPrefixS3ReservesMakesItsBucketsInvalid() {
        for (String service : new String[] {"xn--shop", "sthree-files", "amzn-s3-demo-app"}) {
            LoadResult r = Models.load(dir, """
                    service: %s
                    runtime: nodejs22
                    providers:
                      aws: { region: us-east-1 }
                    functions:
                      api: { handler: src/a.main }
                    resources:
                      uploads: { type: bucket }
                    """.formatted(service));
            assertThat(Models.errors(r))
                    .as(service)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith("strato.yml:8:12: error: resources.uploads: bucket uploads" + " would be named "
                                    + service + "-…")
                            .contains("xn--, sthree- or amzn-s3-demo-"));
        }
        LoadResult fine = Models.load(
                dir,
                "service: shop\nruntime: nodejs22\nproviders:\n  aws: { region: us-east-1 }\n"
                        + "functions:\n  api: { handler: src/a.main }\nresources:\n  uploads: { type: bucket }\n");
        assertThat(Models.errors(fine)).isEmpty();
    }
}
