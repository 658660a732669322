package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** validate, print, generate, check, graph and cost never load a cloud SDK class, though the SDK is on the class path. */
class NoCloudSdkAtStartupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate",
                "print",
                "generate --provider aws -o OUT",
                "generate --provider azure -o OUT",
                "generate --provider gcp -o OUT",
                "check",
                "graph",
                "cost --provider all"
            })
    void modelCommandsLoadNoAwsSdkClass(String command) throws Exception {
        String orders = Path.of("../examples/orders/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        String[] args = (command.replace("OUT", dir.resolve("out").toString()) + " -c " + orders).split(" ");
        ChildJvm.Result r = ChildJvm.run(
                List.of("-Xlog:class+load=info:stdout"),
                Map.of("NO_COLOR", "1", "STRATO_TODAY", CliRunner.TODAY, "HOME", dir.toString()),
                dir,
                args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("dev.strato.cli.Main source:");
        assertThat(r.out()).doesNotContain("software.amazon.awssdk").doesNotContain("dev.strato.provider.aws");
        // nor a Google Cloud client library class (guava's com.google.common is no cloud SDK)
        assertThat(r.out())
                .doesNotContain("com.google.cloud.")
                .doesNotContain("com.google.auth.")
                .doesNotContain("com.google.api.")
                .doesNotContain("com.google.pubsub.")
                .doesNotContain("dev.strato.provider.gcp");
        assertThat(r.out())
                .doesNotContain("com.azure.")
                .doesNotContain("com.microsoft.aad")
                .doesNotContain("dev.strato.provider.azure");
    }
}
