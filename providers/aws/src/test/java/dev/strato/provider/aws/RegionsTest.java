package dev.strato.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which region a command uses, and the one line when there is none. */
class RegionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void noProfileFiles() {
        // the SDK reads ~/.aws/config unless told otherwise: point it at a file that does not exist
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty(
                "aws.sharedCredentialsFile", dir.resolve("credentials").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
    }

    private static Connection connection(String region, Map<String, String> env) {
        return new Connection(region, null, null, env);
    }

    @Test
    void theFlagWinsThenTheModelThenTheEnvironment() {
        assertThat(Regions.choose(connection("eu-west-1", Map.of("AWS_REGION", "us-west-2")), "us-east-1", null))
                .isEqualTo("eu-west-1");
        assertThat(Regions.choose(connection(null, Map.of("AWS_REGION", "us-west-2")), "us-east-1", null))
                .isEqualTo("us-east-1");
        assertThat(Regions.choose(connection(null, Map.of("AWS_REGION", "us-west-2")), null, null))
                .isEqualTo("us-west-2");
        assertThat(Regions.choose(connection(null, Map.of("AWS_DEFAULT_REGION", "ap-south-1")), null, null))
                .isEqualTo("ap-south-1");
    }

    @Test
    void theProfilesRegionComesLast() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("config"), "[profile ci]\nregion = ca-central-1\n");
        assertThat(Regions.choose(connection(null, Map.of()), null, "ci")).isEqualTo("ca-central-1");
    }

    @Test
    void noRegionAnywhereIsOneClearLine() {
        assertThatThrownBy(() -> Regions.choose(connection(null, Map.of()), null, null))
                .isInstanceOf(ProviderException.class)
                .hasMessage("no AWS region: pass --region, set providers.aws.region in strato.yml, or set AWS_REGION");
    }
}
