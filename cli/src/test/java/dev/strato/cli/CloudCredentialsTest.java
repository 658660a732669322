package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing credentials give one clear line, not a stack trace (a missing region: RegionsTest). A child JVM with an
 * empty environment and a fresh HOME, since the SDK's default chain reads the real process environment and ~/.aws.
 */
class CloudCredentialsTest {

    @TempDir
    Path dir;

    private Map<String, String> bareEnvironment() {
        // no instance metadata lookups: there is no EC2 here, and they would only make the test slow
        return Map.of(
                "HOME",
                dir.toString(),
                "NO_COLOR",
                "1",
                "STRATO_TODAY",
                CliRunner.TODAY,
                "AWS_EC2_METADATA_DISABLED",
                "true");
    }

    @Test
    void noCredentialsIsOneClearLine() throws Exception {
        String orders = Path.of("../examples/orders/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        ChildJvm.Result r = ChildJvm.run(
                List.of(),
                bareEnvironment(),
                dir,
                "info",
                "-c",
                orders,
                "--provider",
                "aws",
                "--endpoint-url",
                "http://127.0.0.1:9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList())
                .containsExactly(
                        "error: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile NAME (or set AWS_PROFILE) for a profile in ~/.aws");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void unknownProfileIsOneClearLine() throws Exception {
        String orders = Path.of("../examples/orders/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        ChildJvm.Result r = ChildJvm.run(
                List.of(), bareEnvironment(), dir, "info", "-c", orders, "--provider", "aws", "--profile", "nosuch");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("error: no AWS credentials for profile 'nosuch'")
                .doesNotContain("\tat ");
    }

    @Test
    void ssoSessionProfileWithoutATokenAsksForALogin() throws Exception {
        assertAsksForSsoLogin(
                "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Deployer\nregion = eu-west-1\n"
                        + "[sso-session corp]\nsso_start_url = https://corp.awsapps.example/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n");
    }

    @Test
    void legacySsoProfileWithoutATokenAsksForALogin() throws Exception {
        assertAsksForSsoLogin(
                "[profile dev]\nsso_start_url = https://corp.awsapps.example/start\nsso_region = eu-west-1\n"
                        + "sso_account_id = 111122223333\nsso_role_name = Deployer\nregion = eu-west-1\n");
    }

    /** No ~/.aws/sso/cache: the SDK finds no token, and no request leaves the machine before that. */
    private void assertAsksForSsoLogin(String config) throws Exception {
        Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(dir.resolve(".aws/config"), config);
        String orders = Path.of("../examples/orders/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        ChildJvm.Result r = ChildJvm.run(
                List.of(),
                bareEnvironment(),
                dir,
                "info",
                "-c",
                orders,
                "--provider",
                "aws",
                "--profile",
                "dev",
                "--endpoint-url",
                "http://127.0.0.1:9");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList())
                .as(r.err())
                .containsExactly(
                        "error: the AWS IAM Identity Center (SSO) login for profile 'dev' is missing or expired: run 'aws sso login --profile dev'");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void profileFromTheCredentialsFileIsUsed() throws Exception {
        Files.createDirectories(dir.resolve(".aws"));
        Files.writeString(
                dir.resolve(".aws/credentials"),
                "[ci]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        String orders = Path.of("../examples/orders/strato.yml")
                .toAbsolutePath()
                .normalize()
                .toString();
        // an endpoint that denies every call: getting as far as its answer means the profile was accepted
        HttpServer denying = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        denying.createContext("/", exchange -> {
            byte[] body =
                    ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: ci is not authorized</Message></Error>"
                                    + "<RequestId>1</RequestId></ErrorResponse>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        denying.start();
        try {
            ChildJvm.Result r = ChildJvm.run(
                    List.of(),
                    bareEnvironment(),
                    dir,
                    "info",
                    "-c",
                    orders,
                    "--provider",
                    "aws",
                    "--profile",
                    "ci",
                    "--endpoint-url",
                    "http://127.0.0.1:" + denying.getAddress().getPort());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err())
                    .doesNotContain("no AWS credentials")
                    .doesNotContain("\tat ")
                    .contains("error: could not read stack orders-dev: AccessDenied: User: ci is not authorized");
        } finally {
            denying.stop(0);
        }
    }
}
