package dev.strato.provider.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.strato.provider.aws.WireMockCloudFormation.NS;
import static dev.strato.provider.aws.WireMockCloudFormation.STACK_ID;
import static dev.strato.provider.aws.WireMockCloudFormation.createChangeSet;
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
import dev.strato.provider.ProviderException;
import dev.strato.provider.ResourceChange;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service's life on a real account, which moto cannot show (it never rolls back, and ignores
 * ImportExistingResources): a first deploy that fails and is fixed, and a deploy after
 * {@code strato remove} kept the table. CloudFormation's answers follow the API reference
 * (DescribeChangeSet rows with {@code Action} Add/Import,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html; stack
 * events with {@code IMPORT_COMPLETE}, https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackEvent.html).
 */
class RedeployWireMockTest {

    private static final String LIFE = "life";
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
        server.stubFor(cfn.action("ListStackResources").willReturn(xml(listStackResources())));
    }

    @Test
    void failedFirstCreateIsRolledBackWithoutKeepingTheTableSoTheFixedDeployCreatesItAgain() {
        var review = event(
                "r1", "07:00:00", "orders-dev", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
        var tableCreated = event("c1", "07:00:10", "OrdersTable", "AWS::DynamoDB::Table", "CREATE_COMPLETE", null);
        var fnFailed = event(
                "c2",
                "07:00:12",
                "CreateOrderFunction",
                "AWS::Lambda::Function",
                "CREATE_FAILED",
                "Resource handler returned message: \"Error occurred while GetObject. S3 Error Code: PermanentRedirect\"");
        // RetainExceptOnCreate: the rollback of the create that made the table deletes it
        var tableDeleted = event("c3", "07:00:20", "OrdersTable", "AWS::DynamoDB::Table", "DELETE_COMPLETE", null);
        var rolledBack = event("c4", "07:00:30", "orders-dev", "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null);
        var deleted = event("d1", "07:10:00", "orders-dev", "AWS::CloudFormation::Stack", "DELETE_COMPLETE", null);
        var created = event("n1", "07:11:00", "orders-dev", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);

        noStack(Scenario.STARTED, "review");
        reviewing(
                "review",
                "rolledBack",
                List.of(review),
                rows(
                        "Add",
                        "OrdersTable",
                        "AWS::DynamoDB::Table",
                        "Add",
                        "CreateOrderFunction",
                        "AWS::Lambda::Function"));
        settled("rolledBack", "ROLLBACK_COMPLETE", List.of(rolledBack, tableDeleted, fnFailed, tableCreated, review));
        server.stubFor(cfn.action("DeleteStack")
                .inScenario(LIFE)
                .whenScenarioStateIs("rolledBack")
                .willReturn(xml(empty("DeleteStack")))
                .willSetStateTo("deleted"));
        noStack("deleted", "review2");
        reviewing(
                "review2",
                "created",
                List.of(review),
                rows(
                        "Add",
                        "OrdersTable",
                        "AWS::DynamoDB::Table",
                        "Add",
                        "CreateOrderFunction",
                        "AWS::Lambda::Function"));
        settled("created", "CREATE_COMPLETE", List.of(created, review, deleted));

        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(true, progress))
                    .isInstanceOf(ProviderException.class)
                    .hasMessage(
                            "deploy of stack orders-dev failed and was rolled back (ROLLBACK_COMPLETE): 1 failed resource above");
        }
        assertThat(progress.events)
                .extracting(e -> e.logicalId() + " " + e.status())
                .contains("OrdersTable DELETE_COMPLETE");

        DeployResult fixed;
        try (AwsSession session = session()) {
            fixed = session.deploy(true, progress);
        }
        assertThat(fixed.executed()).isTrue();
        assertThat(progress.steps)
                .contains(
                        "Stack orders-dev is ROLLBACK_COMPLETE after a failed first create; deleting it to create it again");
        // both creates sent RetainExceptOnCreate and asked CloudFormation to adopt what a remove may have kept
        server.verify(
                2,
                postRequestedFor(urlPathMatching("/"))
                        .withRequestBody(containing("Action=CreateChangeSet"))
                        .withRequestBody(containing("ChangeSetType=CREATE"))
                        .withRequestBody(containing("ImportExistingResources=true"))
                        .withRequestBody(containing("RetainExceptOnCreate")));
    }

    @Test
    void deployAfterRemoveImportsTheKeptTableInsteadOfFailingWithAlreadyExists() {
        var review = event(
                "r1", "08:00:00", "orders-dev", "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
        var imported = event(
                "i1",
                "08:00:05",
                "OrdersTable",
                "AWS::DynamoDB::Table",
                "IMPORT_COMPLETE",
                "Resource import completed");
        var created = event("i2", "08:00:30", "orders-dev", "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);
        noStack(Scenario.STARTED, "review");
        reviewing(
                "review",
                "created",
                List.of(review),
                rows(
                        "Import",
                        "OrdersTable",
                        "AWS::DynamoDB::Table",
                        "Add",
                        "CreateOrderFunction",
                        "AWS::Lambda::Function"));
        settled("created", "CREATE_COMPLETE", List.of(created, imported, review));

        DeployResult result;
        try (AwsSession session = session()) {
            result = session.deploy(true, progress);
        }
        assertThat(result.executed()).isTrue();
        assertThat(result.changeRows())
                .extracting(ResourceChange::action, ResourceChange::logicalId)
                .contains(org.assertj.core.groups.Tuple.tuple("Import", "OrdersTable"));
        assertThat(progress.events)
                .extracting(e -> e.logicalId() + " " + e.status())
                .contains("OrdersTable IMPORT_COMPLETE");
        server.verify(postRequestedFor(urlPathMatching("/"))
                .withRequestBody(containing("Action=CreateChangeSet"))
                .withRequestBody(containing("ImportExistingResources=true")));
        // the table is adopted as it is: strato itself neither deletes nor recreates it
        server.verify(
                0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("DynamoDB_20120810.DeleteTable")));
    }

    @Test
    void aChangeSetThatReplacesTheTableIsNotExecutedUnlessAllowed() {
        server.stubFor(cfn.action("DescribeStacks").willReturn(xml(describeStacks("UPDATE_COMPLETE"))));
        server.stubFor(cfn.action("DescribeStackEvents").willReturn(xml(describeStackEvents(List.of()))));
        server.stubFor(cfn.action("CreateChangeSet").willReturn(xml(createChangeSet())));
        // a changed key schema replaces the table (Replacement True,
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html)
        server.stubFor(
                cfn.action("DescribeChangeSet")
                        .willReturn(
                                xml(
                                        changeSet(
                                                "<Changes><member><Type>Resource</Type><ResourceChange>"
                                                        + "<Action>Modify</Action><LogicalResourceId>OrdersTable</LogicalResourceId><PhysicalResourceId>orders-dev-orders</PhysicalResourceId>"
                                                        + "<ResourceType>AWS::DynamoDB::Table</ResourceType><Replacement>True</Replacement></ResourceChange></member>"
                                                        + "<member><Type>Resource</Type><ResourceChange><Action>Remove</Action><LogicalResourceId>FailedJobsQueue</LogicalResourceId>"
                                                        + "<ResourceType>AWS::SQS::Queue</ResourceType></ResourceChange></member>"
                                                        + "<member><Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>CreateOrderFunction</LogicalResourceId>"
                                                        + "<ResourceType>AWS::Lambda::Function</ResourceType><Replacement>True</Replacement></ResourceChange></member></Changes>"))));
        server.stubFor(cfn.action("DeleteChangeSet").willReturn(xml(empty("DeleteChangeSet"))));
        server.stubFor(cfn.action("ExecuteChangeSet").willReturn(xml(empty("ExecuteChangeSet"))));

        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(true, progress))
                    .isInstanceOfSatisfying(dev.strato.provider.DataChangesRefused.class, e -> {
                        assertThat(e.getMessage())
                                .startsWith(
                                        "deploy of stack orders-dev would remove or replace 2 data resources (above); nothing was changed."
                                                + " Run again with --allow-data-changes");
                        assertThat(e.details())
                                .containsExactly(
                                        "OrdersTable (AWS::DynamoDB::Table): replaced (True); the stack will use a new, empty one",
                                        "FailedJobsQueue (AWS::SQS::Queue): removed from the stack; the stack will use a new, empty one");
                        assertThat(e.rows())
                                .extracting(ResourceChange::logicalId)
                                .containsExactly("OrdersTable", "FailedJobsQueue");
                    });
        }
        server.verify(0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
        server.verify(postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=DeleteChangeSet")));

        try (AwsSession session = session()) {
            assertThat(session.deploy(true, true, progress).executed()).isTrue();
        }
        server.verify(postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=ExecuteChangeSet")));
    }

    private void noStack(String state, String next) {
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(error(400, "ValidationError", "Stack with id orders-dev does not exist")));
        server.stubFor(cfn.action("DescribeStackEvents")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(error(400, "ValidationError", "Stack [orders-dev] does not exist")));
        server.stubFor(cfn.action("CreateChangeSet")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(createChangeSet()))
                .willSetStateTo(next));
    }

    private void reviewing(String state, String next, List<WireMockCloudFormation.Event> before, String rows) {
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(describeStacks("REVIEW_IN_PROGRESS"))));
        server.stubFor(cfn.action("DescribeStackEvents")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(describeStackEvents(before))));
        server.stubFor(cfn.action("DescribeChangeSet")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(changeSet(rows))));
        server.stubFor(cfn.action("ExecuteChangeSet")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(empty("ExecuteChangeSet")))
                .willSetStateTo(next));
    }

    private void settled(String state, String status, List<WireMockCloudFormation.Event> newestFirst) {
        server.stubFor(cfn.action("DescribeStacks")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(describeStacks(status))));
        server.stubFor(cfn.action("DescribeStackEvents")
                .inScenario(LIFE)
                .whenScenarioStateIs(state)
                .willReturn(xml(describeStackEvents(newestFirst))));
    }

    /** action, logical id, type triples. */
    private static String rows(String... cells) {
        StringBuilder b = new StringBuilder("<Changes>");
        for (int i = 0; i < cells.length; i += 3) {
            b.append("<member><Type>Resource</Type><ResourceChange><Action>")
                    .append(cells[i])
                    .append("</Action><LogicalResourceId>")
                    .append(cells[i + 1])
                    .append("</LogicalResourceId><ResourceType>")
                    .append(cells[i + 2])
                    .append("</ResourceType>")
                    .append(
                            cells[i].equals("Import")
                                    ? "<PhysicalResourceId>orders-dev-orders</PhysicalResourceId>"
                                    : "")
                    .append("</ResourceChange></member>");
        }
        return b.append("</Changes>").toString();
    }

    private static String changeSet(String changes) {
        return """
                <DescribeChangeSetResponse xmlns="%s">
                  <DescribeChangeSetResult>
                    <ChangeSetName>strato-1</ChangeSetName><StackName>orders-dev</StackName><StackId>%s</StackId>
                    <Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>
                    <ImportExistingResources>true</ImportExistingResources>
                    %s
                  </DescribeChangeSetResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </DescribeChangeSetResponse>""".formatted(NS, STACK_ID, changes);
    }

    private static WireMockCloudFormation.Event event(
            String id, String time, String logicalId, String type, String status, String reason) {
        return new WireMockCloudFormation.Event(id, "2026-11-27T" + time + ".000Z", logicalId, type, status, reason);
    }

    private AwsSession session() {
        return new AwsSession(
                AwsTestTargets.connection(URI.create(server.baseUrl())), AwsTestTargets.orders(), AwsTestTargets.FAST);
    }
}
