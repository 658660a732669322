package dev.strato.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.provider.aws.testing.MotoAws;
import dev.strato.provider.aws.testing.MotoServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cloud commands end to end against a moto server (see ../shared/design/TESTBED.md for what moto does and skips). */
class AwsMotoIT {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final String STACK = "orders-dev";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path project;
    private MotoAws aws;

    @BeforeEach
    void copyOrders() throws IOException {
        project = dir.resolve("orders");
        copy(Path.of("../examples/orders"), project);
        aws = new MotoAws(MOTO.endpoint(), "us-east-1");
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private CliRunner.Result strato(String... args) {
        String[] all = Stream.concat(
                        Stream.of(args),
                        Stream.of(
                                "-c",
                                project.resolve("strato.yml").toString(),
                                "--provider",
                                "aws",
                                "--endpoint-url",
                                MOTO.endpointUrl()))
                .toArray(String[]::new);
        return runner().run(all);
    }

    private CliRunner runner() {
        return new CliRunner(dir).env("AWS_ACCESS_KEY_ID", "testing").env("AWS_SECRET_ACCESS_KEY", "testing");
    }

    private static JsonNode json(CliRunner.Result r) {
        return JSON.readTree(r.out());
    }

    @Test
    void deployThenNoOpRedeployUploadsNothingAndTouchingChangesNothing() throws IOException {
        long start = System.nanoTime();
        CliRunner.Result first = strato("deploy");
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out())
                .contains(
                        "Artifacts: 5 uploaded",
                        "✓ Deployed stack orders-dev",
                        "Stack orders-dev (us-east-1): CREATE_COMPLETE",
                        "orders-dev-create-order",
                        "OrdersTable");
        assertThat(first.err())
                .contains(
                        "Created artifact bucket strato-orders-dev-123456789012-us-east-1-an",
                        "Uploading 5 artifacts",
                        "Creating change set for stack orders-dev",
                        "CREATE_COMPLETE  orders-dev");
        assertThat(first.err()).doesNotContain("\r");
        long updatesBefore = aws.stackUpdates(STACK);

        start = System.nanoTime();
        CliRunner.Result second = strato("deploy");
        long secondMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out())
                .contains(
                        "Artifacts: 0 uploaded (0 bytes), 5 unchanged", "No changes. Stack orders-dev is up to date.");

        try (Stream<Path> files = Files.walk(project)) {
            for (Path f : files.filter(Files::isRegularFile).toList())
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(60)));
        }
        CliRunner.Result touched = strato("deploy", "--output", "json");
        assertThat(touched.exitCode()).as(touched.toString()).isZero();
        JsonNode t = json(touched);
        assertThat(t.get("changes").asBoolean()).isFalse();
        assertThat(t.get("uploadedBytes").asLong()).isZero();
        assertThat(t.get("uploadedArtifacts").asInt()).isZero();
        assertThat(t.get("skippedArtifacts").asInt()).isEqualTo(5);
        assertThat(t.get("stack").asString()).isEqualTo(STACK);
        assertThat(aws.stackUpdates(STACK)).isEqualTo(updatesBefore);
        assertThat(aws.stackStatus(STACK)).isEqualTo("CREATE_COMPLETE");
        System.out.printf(
                "orders on moto: first deploy %d ms, no-op redeploy %d ms (0 bytes uploaded)%n", firstMs, secondMs);
    }

    @Test
    void changingOneHandlerReuploadsOnlyThePackagesThatHoldIt() throws IOException {
        // orders packages src/** for every function: a change to one handler's file is in all five packages
        assertThat(strato("deploy").exitCode()).isZero();
        Files.writeString(project.resolve("src/orders.js"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        JsonNode individual = json(strato("deploy", "--output", "json"));
        assertThat(individual.get("uploadedArtifacts").asInt()).isEqualTo(5);

        // one shared package (individually: false): the same change means exactly one new zip
        assertThat(strato("remove", "--include-data").exitCode())
                .isZero(); // a kept table would block creating the stack again
        Path file = project.resolve("strato.yml");
        Files.writeString(
                file,
                Files.readString(file).replace("package: { include:", "package: { individually: false, include:"));
        assertThat(strato("deploy").exitCode()).isZero();
        Files.writeString(project.resolve("src/worker.js"), "\n// changed\n", java.nio.file.StandardOpenOption.APPEND);
        CliRunner.Result changed = strato("deploy", "--output", "json");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        JsonNode shared = json(changed);
        assertThat(shared.get("uploadedArtifacts").asInt()).isEqualTo(1);
        assertThat(shared.get("skippedArtifacts").asInt()).isZero();
        assertThat(shared.get("uploadedBytes").asLong()).isPositive();
        // moto compares the templates' resources only, not parameter values: a new package key alone is "no changes"
        // there
        System.out.printf(
                "one handler changed: orders (a package per function, each with src/**) re-uploaded %d zips;"
                        + " with one shared package %d zip (%d bytes)%n",
                individual.get("uploadedArtifacts").asInt(),
                shared.get("uploadedArtifacts").asInt(),
                shared.get("uploadedBytes").asLong());
    }

    @Test
    void diffShowsTheChangeSetAndDeletesIt() throws IOException {
        assertThat(strato("deploy").exitCode()).isZero();
        CliRunner.Result none = strato("diff", "--exit-code");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.out()).contains("No changes.");

        Path file = project.resolve("strato.yml");
        Files.writeString(file, Files.readString(file).replace("memory: 512", "memory: 1024"));
        CliRunner.Result table = strato("diff");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out())
                .contains("ACTION", "LOGICAL ID", "TYPE", "REPLACEMENT")
                .containsPattern("Modify\\s+CreateOrderFunction\\s+AWS::Lambda::Function");
        CliRunner.Result exit = strato("diff", "--exit-code", "--output", "json");
        assertThat(exit.exitCode()).isEqualTo(ExitCodes.CHANGES_PRESENT);
        JsonNode j = json(exit);
        assertThat(j.get("changes").asBoolean()).isTrue();
        assertThat(j.get("rows").get(0).get("action").asString()).isEqualTo("Modify");
        assertThat(aws.pendingChangeSets(STACK)).isEmpty();
        assertThat(aws.stackStatus(STACK)).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void diffOfANewStackLeavesNoStackBehind() {
        CliRunner.Result r = strato("diff", "--exit-code");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.out()).containsPattern("Add\\s+OrdersTable\\s+AWS::DynamoDB::Table");
        assertThat(aws.stackStatus(STACK)).isNull();
    }

    @Test
    void noExecuteLeavesTheChangeSetForReview() {
        CliRunner.Result r = strato("deploy", "--no-execute");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("is left for review");
        assertThat(aws.pendingChangeSets(STACK)).hasSize(1);
        CliRunner.Result after = strato("deploy");
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(aws.stackStatus(STACK)).isEqualTo("CREATE_COMPLETE");
    }

    @Test
    void infoShowsStatusFunctionsAndResources() {
        assertThat(strato("deploy").exitCode()).isZero();
        CliRunner.Result text = strato("info");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out())
                .contains("Stack orders-dev (us-east-1): CREATE_COMPLETE", "Functions:", "Resources (")
                .containsPattern("createOrder\\s+orders-dev-create-order\\s+nodejs22.x\\s+512 MB");
        JsonNode j = json(strato("info", "--output", "json"));
        assertThat(j.get("status").asString()).isEqualTo("CREATE_COMPLETE");
        assertThat(j.get("functions")).hasSize(5);
        assertThat(j.get("resources").toString()).contains("OrdersTable", "orders-dev-orders");
    }

    @Test
    void infoOfAStackThatDoesNotExistSaysToDeploy() {
        CliRunner.Result r = strato("info");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("error: stack orders-dev does not exist in us-east-1: run 'strato deploy' first")
                .doesNotContain("at software.");
    }

    @Test
    void invokePrintsThePayload() throws Exception {
        MOTO.lambdaUsesDocker(false);
        CliRunner.Result echo = strato("invoke", "-f", "createOrder", "--data", "{\"id\":\"o-1\"}");
        assertThat(echo.exitCode()).as(echo.toString()).isZero();
        assertThat(echo.out().strip()).isEqualTo("{\"id\":\"o-1\"}");
        MOTO.cannedLambdaResults("us-east-1", "{\"statusCode\":201}");
        Path event = project.resolve("event.json");
        Files.writeString(event, "{\"body\":\"x\"}");
        CliRunner.Result canned =
                strato("invoke", "-f", "createOrder", "--data-file", event.toString(), "--output", "json");
        assertThat(canned.exitCode()).as(canned.toString()).isZero();
        JsonNode j = json(canned);
        assertThat(j.get("statusCode").asInt()).isEqualTo(200);
        assertThat(j.get("payload").get("statusCode").asInt()).isEqualTo(201);
        assertThat(j.get("error").isNull()).isTrue();
        CliRunner.Result async = strato("invoke", "-f", "getOrder", "--async");
        assertThat(async.exitCode()).as(async.toString()).isZero();
    }

    @Test
    void logsReadsFiltersAndPrintsJson() {
        aws.putLogEvents("/aws/lambda/orders-dev-create-order", "s1", "START one", "ERROR boom", "END one");
        CliRunner.Result all = strato("logs", "-f", "createOrder", "--since", "5m", "--utc");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.out().lines().toList()).hasSize(3);
        assertThat(all.out())
                .contains("START one", "ERROR boom", "END one")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}  START one");
        CliRunner.Result filtered = strato("logs", "-f", "createOrder", "--filter", "ERROR");
        assertThat(filtered.out().lines().toList()).singleElement().asString().endsWith("ERROR boom");
        CliRunner.Result json = strato("logs", "-f", "createOrder", "--output", "json");
        assertThat(json.out()
                        .lines()
                        .map(l -> JSON.readTree(l).get("message").asString())
                        .toList())
                .containsExactly("START one", "ERROR boom", "END one");
        CliRunner.Result old = strato("logs", "-f", "createOrder", "--since", "2020-01-01T00:00:00Z");
        assertThat(old.out().lines().toList()).hasSize(3);
    }

    @Test
    void logsTailFollowsNewEventsOnceEachUntilStopped() throws Exception {
        aws.putLogEvents("/aws/lambda/orders-dev-get-order", "s1", "first");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of(
                "STRATO_WORKDIR",
                dir.toString(),
                "NO_COLOR",
                "1",
                "STRATO_TODAY",
                CliRunner.TODAY,
                "AWS_ACCESS_KEY_ID",
                "testing",
                "AWS_SECRET_ACCESS_KEY",
                "testing");
        int[] code = {-1};
        Thread tail = new Thread(() -> code[0] = Main.run(
                new String[] {
                    "logs",
                    "-f",
                    "getOrder",
                    "--tail",
                    "-c",
                    project.resolve("strato.yml").toString(),
                    "--provider",
                    "aws",
                    "--endpoint-url",
                    MOTO.endpointUrl()
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                env));
        tail.start();
        awaitLines(out, 1);
        aws.putLogEvents("/aws/lambda/orders-dev-get-order", "s2", "second", "third");
        awaitLines(out, 3);
        Thread.sleep(2500); // two more polls: what was shown must not come again
        tail.interrupt();
        tail.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(tail.isAlive()).isFalse();
        assertThat(code[0]).as(err.toString()).isZero();
        assertThat(out.toString()
                        .lines()
                        .map(l -> l.substring(l.lastIndexOf("  ") + 2))
                        .toList())
                .containsExactly("first", "second", "third");
    }

    @Test
    void removeDeletesTheStackAndArtifactBucketButKeepsData() {
        assertThat(strato("deploy").exitCode()).isZero();
        assertThat(aws.buckets()).contains("strato-orders-dev-123456789012-us-east-1-an");
        CliRunner.Result r = strato("remove");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains(
                        "✓ Removed stack orders-dev",
                        "Kept (use --include-data to delete them): table orders-dev-orders (OrdersTable)");
        assertThat(r.err())
                .contains(
                        "Emptied and deleted artifact bucket strato-orders-dev-123456789012-us-east-1-an (6 objects)");
        assertThat(aws.stackStatus(STACK)).isIn(null, "DELETE_COMPLETE");
        assertThat(aws.buckets()).doesNotContain("strato-orders-dev-123456789012-us-east-1-an");
        // moto 5.2.1 keeps only DeletionPolicy "Retain" on a stack delete (cloudformation/parsing.py) and deletes a
        // RetainExceptOnCreate table, which AWS keeps; that the table survives is RedeployWireMockTest's part
        CliRunner.Result again = strato("remove", "--output", "json");
        assertThat(again.exitCode()).isZero();
        assertThat(json(again).get("existed").asBoolean()).isFalse();
    }

    @Test
    void removeWithIncludeDataDeletesTablesToo() {
        assertThat(strato("deploy").exitCode()).isZero();
        CliRunner.Result r = strato("remove", "--include-data", "--output", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode j = json(r);
        assertThat(j.get("keptData")).isEmpty();
        // moto already dropped the RetainExceptOnCreate table with the stack (see above); on AWS remove deletes it
        // itself
        assertThat(j.get("keptData").toString()).doesNotContain("orders-dev-orders");
        assertThat(aws.tables()).doesNotContain("orders-dev-orders");
    }

    private static void awaitLines(StringWriter out, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.toString().lines().count() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("expected " + n + " lines, got: " + out);
            Thread.sleep(50);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
