package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** strato cost: usage files and flags, and their bad-input errors with position and exit code. */
class CostCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void service() throws Exception {
        Files.writeString(dir.resolve("strato.yml"), """
                service: shop
                runtime: python3.12
                providers:
                  aws: { region: us-east-1 }
                functions:
                  api: { handler: src/a.handle, memory: 1536, architecture: arm64, events: [ { http: GET /x } ] }
                """);
    }

    @Test
    void usageFileSetsEachFunctionsUsage() throws Exception {
        Files.writeString(dir.resolve("usage.yml"), "functions:\n  api: { requests: 3M, duration: 120ms, logKb: 0 }\n");
        CliRunner.Result r = new CliRunner(dir).run("cost", "--usage", "usage.yml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // 3M x 120 ms x 1.5 GB on arm64: $7.20 of compute and $0.60 of requests before free tiers; after them $2.27
        // (the pricing page's example) + $3.00 of HTTP API requests
        assertThat(r.out())
                .containsPattern("api\\s+1536 MB\\s+\\$7\\.80")
                .containsPattern("total / month\\s+\\$5\\.27")
                .contains("api: 3,000,000 requests/month, 120ms average duration");
    }

    @Test
    void usageFileSizesTablesAndBuckets() throws Exception {
        Files.writeString(
                dir.resolve("strato.yml"),
                Files.readString(dir.resolve("strato.yml"))
                                .replace(
                                        "events: [ { http: GET /x } ] }",
                                        "events: [ { http: GET /x } ], permissions: { t: [read] } }")
                        + "resources:\n  t: { type: table, key: { partition: id } }\n  b: { type: bucket }\n");
        Files.writeString(dir.resolve("usage.yml"), "resources:\n  t: { storageGb: 125 }\n");
        CliRunner.Result r = new CliRunner(dir).run("cost", "--usage", "usage.yml");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // 125 GB x $0.25 (gross; the first 25 GB are in the free tier line)
        assertThat(r.out())
                .containsPattern("storage GB-months\\s+\\$31\\.25")
                .contains("t: 125 GB stored")
                .contains("storage of b not estimated: give resources: NAME: { storageGb: N } in the usage file");
        Files.writeString(dir.resolve("usage.yml"), "resources:\n  tt: { storageGb: 1 }\n  b: { storage: 1 }\n");
        CliRunner.Result bad = new CliRunner(dir).run("cost", "--usage", "usage.yml");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(bad.err())
                .contains(
                        "usage.yml:2:3: error: resources.tt: no table or bucket tt in the service (did you mean 't'?)")
                .contains("usage.yml:3:8: error: resources.b.storage: unknown key (did you mean 'storageGb'?)");
    }

    @Test
    void flagsSetTheDefaults() {
        CliRunner.Result r =
                new CliRunner(dir).run("cost", "--requests", "3M", "--duration", "120ms", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("\"requests\" : 3000000")
                .contains("\"durationMs\" : 120")
                .contains("\"provider\" : \"aws\"");
    }

    @Test
    void badUsageFileErrorsHaveTheirPositionAndExit3() throws Exception {
        Files.writeString(
                dir.resolve("usage.yml"),
                "functions:\n  apii: { requests: 3M }\n  api: { requests: lots, duraton: 2s, duration: fast }\n");
        CliRunner.Result r = new CliRunner(dir).run("cost", "--usage", "usage.yml");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("usage.yml:2:3: error: functions.apii: no function apii in the service (did you mean 'api'?)")
                .contains(
                        "usage.yml:3:20: error: functions.api.requests: expected a whole number of requests per month (e.g. 3000000 or 3M), not 'lots'")
                .contains("usage.yml:3:26: error: functions.api.duraton: unknown key (did you mean 'duration'?)")
                .contains(
                        "usage.yml:3:49: error: functions.api.duration: expected a duration such as 120ms or 2s, not 'fast'")
                .contains("usage.yml has 4 errors; nothing estimated");
    }

    @Test
    void aUsageFileThatIsNotYamlIsExit3AndAMissingOneExit1() throws Exception {
        Files.writeString(dir.resolve("usage.yml"), "functions: [ unclosed\n");
        CliRunner.Result r = new CliRunner(dir).run("cost", "--usage", "usage.yml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_MODEL);
        assertThat(r.err()).contains("usage.yml:");
        CliRunner.Result missing = new CliRunner(dir).run("cost", "--usage", "nope.yml");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("usage file nope.yml not found");
    }

    @Test
    void badFlagsAreUsageErrors() {
        CliRunner runner = new CliRunner(dir);
        CliRunner.Result requests = runner.run("cost", "--requests", "many");
        assertThat(requests.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(requests.err()).contains("--requests: 'many' is not a whole number");
        assertThat(runner.run("cost", "--duration", "soon").err()).contains("--duration: 'soon' is not a duration");
        assertThat(runner.run("cost", "--provider", "ibm").err()).contains("unknown provider 'ibm'");
        CliRunner.Result region = runner.run("cost", "--provider", "all", "--region", "eu-west-1");
        assertThat(region.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(region.err()).contains("--region prices one provider");
    }

    @Test
    void aRegionWithoutPricesSaysWhichRatesItUsed() {
        CliRunner.Result r = new CliRunner(dir).run("cost", "--region", "eu-west-1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "aws: no prices for eu-west-1 in strato's table; priced at us-east-1 rates, which may differ");
    }

    @Test
    void memorySweepMarksCheapestAndKnee() {
        CliRunner.Result r = new CliRunner(dir).run("cost", "--memory-sweep", "--duration", "600ms");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("memory sweep: api on aws (now 1536 MB, 600ms)")
                .containsPattern("1769 MB\\s+521ms\\s+\\S+\\s+knee")
                .contains("cheapest")
                .contains("CPU-bound and single-threaded");
    }
}
