package dev.strato.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.azure.AzureWireMock;
import dev.strato.provider.azure.testing.Azurite;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Azure commands through the CLI (deploy, diff --exit-code, info, invoke, logs --output json)
 * against WireMock (ARM, token endpoint, Functions host, Log Analytics) and Azurite, with the
 * provider found by ServiceLoader.
 */
class AzureWireMockIT {

    @RegisterExtension
    static final Azurite AZURITE = new Azurite();

    private static final String HELLO = Path.of("../examples/hello-http/strato.yml")
            .toAbsolutePath()
            .normalize()
            .toString();

    private AzureWireMock arm;

    @BeforeEach
    void start() {
        arm = new AzureWireMock("strato-hello-http-dev", AZURITE.blobEndpoint());
        arm.token();
        arm.app();
    }

    @AfterEach
    void stop() {
        arm.close();
    }

    private CliRunner.Result strato(String... args) {
        CliRunner runner = new CliRunner(Path.of("target"));
        arm.environment().forEach(runner::env);
        String[] all = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args),
                        java.util.stream.Stream.of("-c", HELLO, "--provider", "azure", "--endpoint-url", arm.base()))
                .toArray(String[]::new);
        return runner.run(all);
    }

    /** Flex: a one deploy whose deployment fails exits 1 with the deployment's own message. */
    @Test
    void aFailedFlexPublishExitsOneWithItsMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path from = Path.of(HELLO).getParent();
        Path project = dir.resolve("hello-http");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.toString().contains("node_modules")) continue;
                Path to = project.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(to);
                else java.nio.file.Files.copy(p, to);
            }
        }
        // a package of its own, so that what other tests published here is not taken for it
        Path handler = project.resolve("src/hello.js");
        java.nio.file.Files.writeString(handler, java.nio.file.Files.readString(handler) + "\n// failed publish\n");
        arm.groupExists("resources/group.json");
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");
        arm.server.resetScenarios();
        arm.oneDeploy("scm/deployment-failed.json");
        CliRunner runner = new CliRunner(Path.of("target"));
        arm.environment().forEach(runner::env);
        CliRunner.Result r = runner.run(
                "deploy",
                "-c",
                project.resolve("strato.yml").toString(),
                "--provider",
                "azure",
                "--endpoint-url",
                arm.base());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err())
                .contains("one deploy of app.zip to " + AzureWireMock.APP + " failed: Deployment Failed.")
                .contains("npm ERR! 404 Not Found - GET left-pad-nonexistent");
    }

    @Test
    void diffThenDeployThenNoChangesThenInfo() {
        arm.groupMissingThenCreated();
        arm.whatIf("resources/whatif-create.json");
        arm.deploymentCreated("resources/deployment-succeeded.json", "resources/operations-succeeded.json");

        CliRunner.Result diff = strato("diff", "--exit-code");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(ExitCodes.CHANGES_PRESENT);
        assertThat(diff.out())
                .contains("ACTION")
                .contains("Create")
                .contains("Microsoft.Web/sites")
                .contains("app.zip");

        CliRunner.Result deploy = strato("deploy");
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        assertThat(deploy.out()).contains("Artifacts: 1 uploaded (").contains("Deployed stack strato-hello-http-dev");

        arm.whatIf("resources/whatif-nochange.json");
        CliRunner.Result again = strato("deploy");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out())
                .contains("Artifacts: 0 uploaded (0 bytes), 1 unchanged")
                .contains("No changes.");

        CliRunner.Result clean = strato("diff", "--exit-code");
        assertThat(clean.exitCode()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("No changes.");

        CliRunner.Result info = strato("info", "--output", "json");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        assertThat(info.out()).contains(AzureWireMock.APP).contains("Running");
    }

    @Test
    void invokeFunctionErrorExitsOne() {
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
        arm.stub(get(urlPathEqualTo(arm.site() + "/functions/hello"))
                .willReturn(arm.json(200, "web/function-hello.json")));
        arm.stub(post(urlPathEqualTo(arm.site() + "/functions/hello/listkeys"))
                .willReturn(arm.json(200, "web/function-keys.json")));
        arm.stub(get(urlPathEqualTo("/hello"))
                .willReturn(aResponse().withStatus(500).withBody("Error: boom")));
        CliRunner.Result r = strato("invoke", "-f", "hello");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("error: function hello failed: HTTP 500: Error: boom");
    }

    @Test
    void logsAsJsonOneObjectALine() {
        arm.stub(get(urlPathEqualTo(arm.deploymentPath()))
                .willReturn(arm.json(200, "resources/deployment-succeeded.json")));
        arm.stub(get(urlPathEqualTo("/subscriptions/" + AzureWireMock.SUB + "/resourceGroups/" + AzureWireMock.RG
                        + "/providers/Microsoft.OperationalInsights/workspaces/log-hello-http-dev"))
                .willReturn(arm.json(200, "monitor/workspace.json")));
        arm.stub(post(urlPathEqualTo("/v1/workspaces/63613592-b6f7-4c3d-a390-22ba13102111/query"))
                .willReturn(arm.json(200, "monitor/query-first.json")));
        CliRunner.Result r = strato("logs", "-f", "hello", "--since", "2h", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(lines.get(1)).contains("hello world").contains("item-2");
    }
}
