package dev.strato.provider.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;

/**
 * CloudFormation, STS and S3 answers in the shapes of the AWS API reference's examples (Query API
 * XML, namespace 2010-05-15), for the paths moto cannot take: per-resource events, failures and
 * rollbacks, operations still running.
 */
final class WireMockCloudFormation {

    static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    static final String STACK_ID = "arn:aws:cloudformation:us-east-1:123456789012:stack/orders-dev/12a3b456-0e10-4ce0-9052-5d484a8c4e5b";

    private final WireMockServer server;

    WireMockCloudFormation(WireMockServer server) {
        this.server = server;
    }

    /** STS, the artifact bucket and every package already there: deploy goes straight to the change set. */
    void accountAndArtifacts() {
        server.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity")).willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::123456789012:user/deployer</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>123456789012</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""")));
        server.stubFor(any(urlPathMatching("/strato-orders-dev-.*")).willReturn(aResponse().withStatus(200)));
        server.stubFor(any(urlPathMatching("/2015-03-31/functions/.*/configuration")).willReturn(aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException").withBody("{\"Type\":\"User\",\"Message\":\"Function not found\"}")));
    }

    MappingBuilder action(String action) {
        return post("/").withRequestBody(containing("Action=" + action));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="%s">
                  <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
                  <RequestId>2d06e36c-ac1d-11e0-a958-f9382b6eb86b</RequestId>
                </ErrorResponse>""".formatted(NS, code, message));
    }

    static String describeStacks(String status) {
        return """
                <DescribeStacksResponse xmlns="%s">
                  <DescribeStacksResult>
                    <Stacks>
                      <member>
                        <StackName>orders-dev</StackName>
                        <StackId>%s</StackId>
                        <CreationTime>2026-11-27T07:00:00.000Z</CreationTime>
                        <StackStatus>%s</StackStatus>
                        <DisableRollback>false</DisableRollback>
                        <Outputs>
                          <member><OutputKey>HttpApiUrl</OutputKey><OutputValue>https://abc123.execute-api.us-east-1.amazonaws.com</OutputValue></member>
                        </Outputs>
                      </member>
                    </Stacks>
                  </DescribeStacksResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </DescribeStacksResponse>""".formatted(NS, STACK_ID, status);
    }

    /** One event: id, time, logical id, type, status, reason (null for none). */
    record Event(String id, String time, String logicalId, String type, String status, String reason) {}

    static String describeStackEvents(List<Event> newestFirst) {
        StringBuilder members = new StringBuilder();
        for (Event e : newestFirst) {
            members.append("""
                      <member>
                        <Timestamp>%s</Timestamp>
                        <ResourceStatus>%s</ResourceStatus>
                        <StackId>%s</StackId>
                        <EventId>%s</EventId>
                        <LogicalResourceId>%s</LogicalResourceId>
                        <StackName>orders-dev</StackName>
                        <ResourceType>%s</ResourceType>
                        %s
                      </member>
                    """.formatted(e.time(), e.status(), STACK_ID, e.id(), e.logicalId(), e.type(),
                    e.reason() == null ? "" : "<ResourceStatusReason>" + e.reason() + "</ResourceStatusReason>"));
        }
        return """
                <DescribeStackEventsResponse xmlns="%s">
                  <DescribeStackEventsResult>
                    <StackEvents>
                %s    </StackEvents>
                  </DescribeStackEventsResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </DescribeStackEventsResponse>""".formatted(NS, members);
    }

    static String createChangeSet() {
        return """
                <CreateChangeSetResponse xmlns="%s">
                  <CreateChangeSetResult>
                    <Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/strato-1/1a2345b6-0000-00a0-a123-00abc0abc000</Id>
                    <StackId>%s</StackId>
                  </CreateChangeSetResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </CreateChangeSetResponse>""".formatted(NS, STACK_ID);
    }

    static String describeChangeSet(String status, String reason, boolean oneChange) {
        String changes = !oneChange ? "<Changes/>" : """
                    <Changes>
                      <member>
                        <ResourceChange>
                          <Action>Modify</Action>
                          <LogicalResourceId>CreateOrderFunction</LogicalResourceId>
                          <PhysicalResourceId>orders-dev-create-order</PhysicalResourceId>
                          <ResourceType>AWS::Lambda::Function</ResourceType>
                          <Replacement>False</Replacement>
                          <Scope><member>Properties</member></Scope>
                        </ResourceChange>
                        <Type>Resource</Type>
                      </member>
                    </Changes>""";
        return """
                <DescribeChangeSetResponse xmlns="%s">
                  <DescribeChangeSetResult>
                    <ChangeSetName>strato-1</ChangeSetName>
                    <StackName>orders-dev</StackName>
                    <StackId>%s</StackId>
                    <Status>%s</Status>
                    %s
                    <ExecutionStatus>%s</ExecutionStatus>
                    %s
                  </DescribeChangeSetResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </DescribeChangeSetResponse>""".formatted(NS, STACK_ID, status, reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>",
                "FAILED".equals(status) ? "UNAVAILABLE" : "AVAILABLE", changes);
    }

    static String empty(String action) {
        return """
                <%1$sResponse xmlns="%2$s">
                  <%1$sResult/>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </%1$sResponse>""".formatted(action, NS);
    }

    static String listStackResources() {
        return """
                <ListStackResourcesResponse xmlns="%s">
                  <ListStackResourcesResult>
                    <StackResourceSummaries>
                      <member>
                        <ResourceStatus>UPDATE_COMPLETE</ResourceStatus>
                        <LogicalResourceId>CreateOrderFunction</LogicalResourceId>
                        <LastUpdatedTimestamp>2026-11-27T07:01:00.000Z</LastUpdatedTimestamp>
                        <PhysicalResourceId>orders-dev-create-order</PhysicalResourceId>
                        <ResourceType>AWS::Lambda::Function</ResourceType>
                      </member>
                    </StackResourceSummaries>
                  </ListStackResourcesResult>
                  <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
                </ListStackResourcesResponse>""".formatted(NS);
    }
}
