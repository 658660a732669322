package dev.strato.provider.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.strato.provider.aws.WireMockCloudFormation.createChangeSet;
import static dev.strato.provider.aws.WireMockCloudFormation.describeChangeSet;
import static dev.strato.provider.aws.WireMockCloudFormation.describeStackEvents;
import static dev.strato.provider.aws.WireMockCloudFormation.describeStacks;
import static dev.strato.provider.aws.WireMockCloudFormation.empty;
import static dev.strato.provider.aws.WireMockCloudFormation.error;
import static dev.strato.provider.aws.WireMockCloudFormation.listStackResources;
import static dev.strato.provider.aws.WireMockCloudFormation.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.strato.provider.DeployResult;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.ProviderException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploy paths moto cannot show (it has no per-resource events, never fails into a rollback and
 * finishes every operation before answering), against WireMock serving CloudFormation's Query API
 * XML in the shapes of the AWS API reference.
 */
class StackOperationsWireMockTest {

    private static final String OLD = "old-event";
    private static WireMockServer server;
    private WireMockCloudFormation cfn;
    private final RecordedProgress progress = new RecordedProgress();

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void stubs() {
        server.resetAll();
        cfn = new WireMockCloudFormation(server);
        cfn.accountAndArtifacts();
    }

    private AwsSession session(ClientSettings settings) {
        return new AwsSession(
                AwsTestTargets.connection(URI.create(server.baseUrl())), AwsTestTargets.orders(), settings);
    }

    private static WireMockCloudFormation.Event event(
            String id, String time, String logicalId, String type, String status, String reason) {
        return new WireMockCloudFormation.Event(id, time, logicalId, type, status, reason);
    }

    private void changeSetWithOneChange() {
        server.stubFor(cfn.action("CreateChangeSet").willReturn(xml(createChangeSet())));
        server.stubFor(
                cfn.action("DescribeChangeSet").willReturn(xml(describeChangeSet("CREATE_COMPLETE", null, true))));
        server.stubFor(cfn.action("ListStackResources").willReturn(xml(listStackResources())));
    }

    private void updateGoesThrough(
            WireMockCloudFormation.Event old,
            List<String> statuses,
            List<List<WireMockCloudFormation.Event>> newEventsPerStep) {
        operationGoesThrough("ExecuteChangeSet", old, statuses, newEventsPerStep);
    }

    /**
     * The stack is UPDATE_COMPLETE with one old event until {@code trigger} is called; then each
     * DescribeStacks gives the next status (the last one stays), and the events after it are
     * those of all steps so far, newest first.
     */
    private void operationGoesThrough(
            String trigger,
            WireMockCloudFormation.Event old,
            List<String> statuses,
            List<List<WireMockCloudFormation.Event>> newEventsPerStep) {
        String s = "operation";
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(describeStacks("UPDATE_COMPLETE"))));
        server.stubFor(cfn.action("DescribeStackEvents")
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(describeStackEvents(List.of(old)))));
        server.stubFor(cfn.action(trigger)
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(empty(trigger)))
                .willSetStateTo("step0"));
        List<WireMockCloudFormation.Event> seen = new ArrayList<>(List.of(old));
        for (int i = 0; i < statuses.size(); i++) {
            String state = i == statuses.size() - 1 ? "last" : "step" + (i + 1);
            server.stubFor(cfn.action("DescribeStacks")
                    .inScenario(s)
                    .whenScenarioStateIs("step" + i)
                    .willReturn(xml(describeStacks(statuses.get(i))))
                    .willSetStateTo(state));
            seen.addAll(0, newEventsPerStep.get(i));
            server.stubFor(cfn.action("DescribeStackEvents")
                    .inScenario(s)
                    .whenScenarioStateIs(state)
                    .willReturn(xml(describeStackEvents(List.copyOf(seen)))));
        }
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs("last")
                .willReturn(xml(describeStacks(statuses.get(statuses.size() - 1)))));
    }

    @Test
    void wireMock_failedUpdateReportsEachFailedResourceAndWaitsForTheRollback() {
        changeSetWithOneChange();
        var old = event(
                OLD, "2026-11-27T07:00:00.000Z", "orders-dev", "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null);
        var started = event(
                "e1",
                "2026-11-27T08:00:00.000Z",
                "orders-dev",
                "AWS::CloudFormation::Stack",
                "UPDATE_IN_PROGRESS",
                "User Initiated");
        var fnStarted = event(
                "e2",
                "2026-11-27T08:00:01.000Z",
                "CreateOrderFunction",
                "AWS::Lambda::Function",
                "UPDATE_IN_PROGRESS",
                null);
        var fnFailed = event(
                "e3",
                "2026-11-27T08:00:05.000Z",
                "CreateOrderFunction",
                "AWS::Lambda::Function",
                "UPDATE_FAILED",
                "Resource handler returned message: \"Error occurred while GetObject. S3 Error Code: NoSuchKey\"");
        var rolling = event(
                "e4",
                "2026-11-27T08:00:06.000Z",
                "orders-dev",
                "AWS::CloudFormation::Stack",
                "UPDATE_ROLLBACK_IN_PROGRESS",
                "The following resource(s) failed to update: [CreateOrderFunction].");
        var rolledBack = event(
                "e5",
                "2026-11-27T08:00:20.000Z",
                "orders-dev",
                "AWS::CloudFormation::Stack",
                "UPDATE_ROLLBACK_COMPLETE",
                null);
        updateGoesThrough(
                old,
                List.of("UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE"),
                List.of(List.of(fnStarted, started), List.of(rolling, fnFailed), List.of(rolledBack)));

        try (AwsSession session = session(AwsTestTargets.FAST)) {
            assertThatThrownBy(() -> session.deploy(true, progress))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo(
                                        "deploy of stack orders-dev failed and was rolled back (UPDATE_ROLLBACK_COMPLETE): 1 failed resource above");
                        assertThat(e.details())
                                .containsExactly(
                                        "CreateOrderFunction (AWS::Lambda::Function): UPDATE_FAILED: Resource handler returned message:"
                                                + " \"Error occurred while GetObject. S3 Error Code: NoSuchKey\"");
                    });
        }
        assertThat(progress.events)
                .extracting(e -> e.logicalId() + " " + e.status())
                .containsExactly(
                        "orders-dev UPDATE_IN_PROGRESS",
                        "CreateOrderFunction UPDATE_IN_PROGRESS",
                        "CreateOrderFunction UPDATE_FAILED",
                        "orders-dev UPDATE_ROLLBACK_IN_PROGRESS",
                        "orders-dev UPDATE_ROLLBACK_COMPLETE");
    }

    @Test
    void wireMock_deleteFailedNamesEachResourceWithItsReasonAndWhatToDo() {
        server.stubFor(cfn.action("ListStackResources").willReturn(xml(listStackResources())));
        String stack = "AWS::CloudFormation::Stack";
        var old = event(OLD, "2026-11-27T07:00:00.000Z", "orders-dev", stack, "UPDATE_COMPLETE", null);
        var started =
                event("d1", "2026-11-27T09:00:00.000Z", "orders-dev", stack, "DELETE_IN_PROGRESS", "User Initiated");
        var bucketFailed = event(
                "d2",
                "2026-11-27T09:00:03.000Z",
                "UploadsBucket",
                "AWS::S3::Bucket",
                "DELETE_FAILED",
                "Resource handler returned message: \"The bucket you tried to delete is not empty (Service: S3, Status Code: 409)\"");
        var queueFailed = event(
                "d3",
                "2026-11-27T09:00:04.000Z",
                "OrderJobsQueue",
                "AWS::SQS::Queue",
                "DELETE_FAILED",
                "Resource handler returned message: \"Access to the resource is denied\"");
        var stackFailed = event(
                "d4",
                "2026-11-27T09:00:05.000Z",
                "orders-dev",
                stack,
                "DELETE_FAILED",
                "The following resource(s) failed to delete: [UploadsBucket, OrderJobsQueue].");
        operationGoesThrough(
                "DeleteStack",
                old,
                List.of("DELETE_IN_PROGRESS", "DELETE_FAILED"),
                List.of(List.of(started), List.of(stackFailed, queueFailed, bucketFailed)));

        try (AwsSession session = session(AwsTestTargets.FAST)) {
            assertThatThrownBy(() -> session.remove(false, progress))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo(
                                        "stack orders-dev could not be deleted (DELETE_FAILED): 2 resources above could not be deleted");
                        assertThat(e.details())
                                .containsExactly(
                                        "UploadsBucket (AWS::S3::Bucket): Resource handler returned message: \"The bucket you tried to delete is not empty"
                                                + " (Service: S3, Status Code: 409)\"; empty the bucket, then run 'strato remove' again",
                                        "OrderJobsQueue (AWS::SQS::Queue): Resource handler returned message: \"Access to the resource is denied\";"
                                                + " delete it yourself, then run 'strato remove' again",
                                        "or keep them and delete only the stack: aws cloudformation delete-stack --stack-name orders-dev"
                                                + " --retain-resources UploadsBucket OrderJobsQueue, then run 'strato remove' again");
                    });
        }
        assertThat(progress.events)
                .extracting(e -> e.logicalId() + " " + e.status())
                .containsExactly(
                        "orders-dev DELETE_IN_PROGRESS",
                        "UploadsBucket DELETE_FAILED",
                        "OrderJobsQueue DELETE_FAILED",
                        "orders-dev DELETE_FAILED");
        // the artifact bucket stays while the stack that uses it is still there
        server.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                        urlPathMatching("/strato-orders-dev-.*")));
    }

    @Test
    void wireMock_successfulUpdateFollowsEveryResourceEventInOrder() {
        changeSetWithOneChange();
        var old = event(
                OLD, "2026-11-27T07:00:00.000Z", "orders-dev", "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null);
        var e1 = event(
                "e1",
                "2026-11-27T08:00:00.000Z",
                "orders-dev",
                "AWS::CloudFormation::Stack",
                "UPDATE_IN_PROGRESS",
                "User Initiated");
        var e2 = event(
                "e2",
                "2026-11-27T08:00:01.000Z",
                "CreateOrderFunction",
                "AWS::Lambda::Function",
                "UPDATE_IN_PROGRESS",
                null);
        var e3 = event(
                "e3",
                "2026-11-27T08:00:04.000Z",
                "CreateOrderFunction",
                "AWS::Lambda::Function",
                "UPDATE_COMPLETE",
                null);
        var e4 = event(
                "e4", "2026-11-27T08:00:05.000Z", "orders-dev", "AWS::CloudFormation::Stack", "UPDATE_COMPLETE", null);
        updateGoesThrough(
                old, List.of("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE"), List.of(List.of(e2, e1), List.of(e4, e3)));

        DeployResult result;
        try (AwsSession session = session(AwsTestTargets.FAST)) {
            result = session.deploy(true, progress);
        }
        assertThat(result.changes()).isTrue();
        assertThat(result.uploadedArtifacts()).isZero();
        assertThat(result.skippedArtifacts()).isEqualTo(5);
        assertThat(result.outputs()).containsEntry("HttpApiUrl", "https://abc123.execute-api.us-east-1.amazonaws.com");
        assertThat(result.changeRows())
                .singleElement()
                .satisfies(r -> assertThat(r.replacement()).isEqualTo("False"));
        assertThat(progress.events)
                .extracting(e -> e.logicalId() + " " + e.status())
                .containsExactly(
                        "orders-dev UPDATE_IN_PROGRESS",
                        "CreateOrderFunction UPDATE_IN_PROGRESS",
                        "CreateOrderFunction UPDATE_COMPLETE",
                        "orders-dev UPDATE_COMPLETE");
    }

    @Test
    void wireMock_stackInProgressFromAnotherRunIsWaitedFor() {
        String s = "busy";
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(describeStacks("UPDATE_IN_PROGRESS")))
                .willSetStateTo("still"));
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs("still")
                .willReturn(xml(describeStacks("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")))
                .willSetStateTo("idle"));
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs("idle")
                .willReturn(xml(describeStacks("UPDATE_COMPLETE"))));
        server.stubFor(cfn.action("CreateChangeSet").willReturn(xml(createChangeSet())));
        server.stubFor(cfn.action("DescribeChangeSet")
                .willReturn(xml(describeChangeSet(
                        "FAILED",
                        "The submitted information didn't contain changes. Submit different information to create a change set.",
                        false))));
        server.stubFor(cfn.action("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));

        DeployResult result;
        try (AwsSession session = session(AwsTestTargets.FAST)) {
            result = session.deploy(true, progress);
        }
        assertThat(result.changes()).isFalse();
        assertThat(progress.steps)
                .anySatisfy(m -> assertThat(m).contains("from another run; waiting for it to finish"));
        server.verify(postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=DeleteChangeSet")));
        server.verify(0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
    }

    @Test
    void wireMock_stackInProgressForTooLongGivesAClearMessage() {
        server.stubFor(cfn.action("DescribeStacks").willReturn(xml(describeStacks("UPDATE_ROLLBACK_IN_PROGRESS"))));
        ClientSettings impatient = new ClientSettings(
                2,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofSeconds(5),
                Duration.ofMillis(10),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                2);
        try (AwsSession session = session(impatient)) {
            assertThatThrownBy(() -> session.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(
                            "stack orders-dev is still UPDATE_ROLLBACK_IN_PROGRESS after 0 s: another deploy or remove is running on it;"
                                    + " try again when it has finished");
        }
        server.verify(0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=CreateChangeSet")));
    }

    @Test
    void wireMock_rollbackCompleteAfterAFailedCreateIsDeletedAndCreatedAgain() {
        String s = "recreate";
        var failed = event(
                "f1",
                "2026-11-27T07:00:00.000Z",
                "orders-dev",
                "AWS::CloudFormation::Stack",
                "ROLLBACK_COMPLETE",
                null);
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(describeStacks("ROLLBACK_COMPLETE"))));
        server.stubFor(cfn.action("DescribeStackEvents").willReturn(xml(describeStackEvents(List.of(failed)))));
        server.stubFor(cfn.action("DeleteStack")
                .inScenario(s)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(empty("DeleteStack")))
                .willSetStateTo("gone"));
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(s)
                .whenScenarioStateIs("gone")
                .willReturn(error(400, "ValidationError", "Stack with id orders-dev does not exist")));
        server.stubFor(cfn.action("CreateChangeSet").willReturn(xml(createChangeSet())));
        server.stubFor(
                cfn.action("DescribeChangeSet").willReturn(xml(describeChangeSet("CREATE_COMPLETE", null, true))));

        try (AwsSession session = session(AwsTestTargets.FAST)) {
            DeployResult r = session.deploy(false, progress);
            assertThat(r.changes()).isTrue();
            assertThat(r.executed()).isFalse();
        }
        assertThat(progress.steps)
                .contains(
                        "Stack orders-dev is ROLLBACK_COMPLETE after a failed first create; deleting it to create it again");
        server.verify(postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=DeleteStack")));
        server.verify(postRequestedFor(urlPathMatching("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .withRequestBody(containing("ChangeSetType=CREATE")));
    }

    @Test
    void wireMock_updateRollbackFailedGivesInstructions() {
        server.stubFor(cfn.action("DescribeStacks").willReturn(xml(describeStacks("UPDATE_ROLLBACK_FAILED"))));
        try (AwsSession session = session(AwsTestTargets.FAST)) {
            assertThatThrownBy(() -> session.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("stack orders-dev is UPDATE_ROLLBACK_FAILED")
                    .hasMessageContaining("aws cloudformation continue-update-rollback --stack-name orders-dev");
        }
        server.verify(0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=CreateChangeSet")));
    }

    @Test
    void wireMock_functionErrorComesBackWithTypeMessageAndLogTail() {
        String log = "START RequestId: 1\nTypeError: Cannot read properties of undefined\nEND RequestId: 1\n";
        server.stubFor(
                post(urlPathMatching("/2015-03-31/functions/orders-dev-create-order/invocations"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("X-Amz-Function-Error", "Unhandled")
                                        .withHeader("X-Amz-Executed-Version", "$LATEST")
                                        .withHeader(
                                                "X-Amz-Log-Result",
                                                Base64.getEncoder()
                                                        .encodeToString(log.getBytes(StandardCharsets.UTF_8)))
                                        .withBody(
                                                "{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined\",\"trace\":[]}")));
        InvokeResult r;
        try (AwsSession session = session(AwsTestTargets.FAST)) {
            r = session.invoke(new InvokeRequest("createOrder", "{}".getBytes(StandardCharsets.UTF_8), false, true));
        }
        assertThat(r.failed()).isTrue();
        assertThat(r.error()).isEqualTo("TypeError: Cannot read properties of undefined");
        assertThat(r.logTail()).isEqualTo(log);
        server.verify(postRequestedFor(urlPathMatching("/2015-03-31/functions/orders-dev-create-order/invocations")));
    }
}
