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
    static final String STACK_ID =
            "arn:aws:cloudformation:us-east-1:123456789012:stack/orders-dev/12a3b456-0e10-4ce0-9052-5d484a8c4e5b";

    private final WireMockServer server;

    WireMockCloudFormation(WireMockServer server) {
        this.server = server;
    }

    /** STS, the artifact bucket and every package already there: deploy goes straight to the change set. */
    void accountAndArtifacts() {
        server.stubFor(post("/")
                .withRequestBody(containing("Action=GetCallerIdentity"))
                .willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::123456789012:user/deployer</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>123456789012</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""")));
        server.stubFor(any(urlPathMatching("/strato-orders-dev-.*"))
                .willReturn(aResponse().withStatus(200)));
        artifactBucketAsStratoMadeIt();
        server.stubFor(any(urlPathMatching("/2015-03-31/functions/.*/configuration"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                        .withBody("{\"Type\":\"User\",\"Message\":\"Function not found\"}")));
    }

    static final String BUCKET = "strato-orders-dev-123456789012-us-east-1-an";
    static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    /**
     * The artifact bucket's configuration as strato sets it, in the shapes of the S3 API reference
     * (GetPublicAccessBlock, GetBucketEncryption, GetBucketPolicy, GetBucketLifecycleConfiguration,
     * GetBucketVersioning); the release record is not there yet (404 NoSuchKey).
     */
    void artifactBucketAsStratoMadeIt() {
        bucketConfig("publicAccessBlock", xmlS3("""
                <PublicAccessBlockConfiguration xmlns="%s">
                  <BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>
                  <BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>
                </PublicAccessBlockConfiguration>""".formatted(S3_NS)));
        bucketConfig("encryption", xmlS3("""
                <ServerSideEncryptionConfiguration xmlns="%s">
                  <Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>
                    <BucketKeyEnabled>false</BucketKeyEnabled></Rule>
                </ServerSideEncryptionConfiguration>""".formatted(S3_NS)));
        bucketConfig(
                "policy",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                {"Version":"2012-10-17","Statement":[{"Sid":"StratoDenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                "Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(BUCKET)));
        bucketConfig("lifecycle", xmlS3("""
                <LifecycleConfiguration xmlns="%s">
                  <Rule><ID>strato-expire-retired-packages</ID><Filter><Tag><Key>strato-retired</Key><Value>true</Value></Tag></Filter>
                    <Status>Enabled</Status><Expiration><Days>30</Days></Expiration></Rule>
                  <Rule><ID>strato-clean-up-versions</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>
                    <Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>
                    <NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration>
                    <AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>
                </LifecycleConfiguration>""".formatted(S3_NS)));
        bucketConfig("versioning", xmlS3("""
                <VersioningConfiguration xmlns="%s"><Status>Enabled</Status></VersioningConfiguration>""".formatted(S3_NS)));
        server.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/" + BUCKET + "/releases/.*"))
                        .willReturn(s3Error(404, "NoSuchKey", "The specified key does not exist.")));
    }

    /** GET /bucket?{@code query}: one of the bucket's sub-resources. */
    void bucketConfig(String query, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/" + BUCKET + "/?"))
                .withQueryParam(query, com.github.tomakehurst.wiremock.client.WireMock.matching(".*"))
                .atPriority(1)
                .willReturn(answer));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xmlS3(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/xml")
                .withBody(body);
    }

    /** An S3 REST error document (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder s3Error(
            int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>%s</Code><Message>%s</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>""".formatted(code, message));
    }

    MappingBuilder action(String action) {
        return post("/").withRequestBody(containing("Action=" + action));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody("""
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
                    """.formatted(
                    e.time(),
                    e.status(),
                    STACK_ID,
                    e.id(),
                    e.logicalId(),
                    e.type(),
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
                </DescribeChangeSetResponse>""".formatted(
                        NS,
                        STACK_ID,
                        status,
                        reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>",
                        "FAILED".equals(status) ? "UNAVAILABLE" : "AVAILABLE",
                        changes);
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
