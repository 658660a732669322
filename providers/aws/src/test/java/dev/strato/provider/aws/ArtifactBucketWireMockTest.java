package dev.strato.provider.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.strato.provider.aws.WireMockCloudFormation.BUCKET;
import static dev.strato.provider.aws.WireMockCloudFormation.createChangeSet;
import static dev.strato.provider.aws.WireMockCloudFormation.describeChangeSet;
import static dev.strato.provider.aws.WireMockCloudFormation.error;
import static dev.strato.provider.aws.WireMockCloudFormation.s3Error;
import static dev.strato.provider.aws.WireMockCloudFormation.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The artifact bucket cannot be taken over: what S3 answers when the name belongs to another
 * account (moto ignores ExpectedBucketOwner and has one account), served by WireMock in the shapes
 * of the S3 API reference: HeadBucket "403 Forbidden" with no body
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html), CreateBucket "409
 * BucketAlreadyExists" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html).
 */
class ArtifactBucketWireMockTest {

    private static final String OWNER_HEADER = "x-amz-expected-bucket-owner";
    private static WireMockServer server;
    private WireMockCloudFormation cfn;

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
        server.stubFor(cfn.action("DescribeStacks")
                .willReturn(error(400, "ValidationError", "Stack with id orders-dev does not exist")));
        server.stubFor(cfn.action("CreateChangeSet").willReturn(xml(createChangeSet())));
        server.stubFor(
                cfn.action("DescribeChangeSet").willReturn(xml(describeChangeSet("CREATE_COMPLETE", null, true))));
    }

    @Test
    void bucketOfAnotherAccountFailsClosedBeforeAnythingIsUploaded() {
        server.stubFor(head(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(false, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("artifact bucket " + BUCKET + " answered 403")
                    .hasMessageContaining("belongs to another AWS account than 123456789012")
                    .hasMessageContaining("will not upload packages");
        }
        server.verify(0, putRequestedFor(urlPathMatching("/" + BUCKET + "/.*")));
        server.verify(0, postRequestedFor(urlPathMatching("/")).withRequestBody(containing("Action=CreateChangeSet")));
        // the HEAD that was refused carried the owner condition
        assertThat(s3Requests())
                .allSatisfy(r -> assertThat(r.getHeader(OWNER_HEADER)).isEqualTo("123456789012"));
    }

    @Test
    void nameTakenInTheGlobalNamespaceFailsClosed() {
        server.stubFor(head(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        server.stubFor(put(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(1)
                .willReturn(s3Error(409, "BucketAlreadyExists", "The requested bucket name is not available.")));
        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(false, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("artifact bucket " + BUCKET + " already exists in another AWS account");
        }
        server.verify(0, putRequestedFor(urlPathMatching("/" + BUCKET + "/artifacts/.*")));
    }

    @Test
    void everyBucketAndObjectCallNamesTheExpectedOwner() {
        server.stubFor(head(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        server.stubFor(head(urlPathMatching("/" + BUCKET + "/artifacts/.*"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        try (AwsSession session = session()) {
            session.deploy(false, ProgressListener.NONE);
        }
        List<LoggedRequest> s3 = s3Requests();
        assertThat(s3)
                .extracting(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("\\?.*", "?" + query(r)))
                .contains(
                        "PUT /" + BUCKET,
                        "PUT /" + BUCKET + "?publicAccessBlock",
                        "PUT /" + BUCKET + "?encryption",
                        "PUT /" + BUCKET + "?versioning",
                        "PUT /" + BUCKET + "?lifecycle");
        // over plain HTTP (this stub) the TLS-only policy would lock strato out; ArtifactBucketTest checks it for AWS
        assertThat(s3.stream()
                        .filter(r -> r.getUrl().contains("/artifacts/")
                                && r.getMethod().getName().equals("PUT")))
                .hasSize(5);
        // CreateBucket is the one S3 call without the owner condition (the account-regional namespace covers it)
        assertThat(s3)
                .filteredOn(r ->
                        !(r.getMethod().getName().equals("PUT") && r.getUrl().matches("/" + BUCKET + "/?")))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader(OWNER_HEADER))
                        .as(r.getMethod() + " " + r.getUrl())
                        .isEqualTo("123456789012"));
        assertThat(s3)
                .filteredOn(
                        r -> r.getMethod().getName().equals("PUT") && r.getUrl().matches("/" + BUCKET + "/?"))
                .singleElement()
                .satisfies(
                        r -> assertThat(r.getHeader("x-amz-bucket-namespace")).isEqualTo("account-regional"));
    }

    @Test
    void reusedBucketWhosePolicyGrantsAccessFailsClosed() {
        cfn.bucketConfig("policy", aResponse().withStatus(200).withBody("""
                {"Version":"2012-10-17","Statement":[{"Sid":"LetThemIn","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},
                "Action":"s3:PutObject","Resource":"arn:aws:s3:::%s/*"}]}""".formatted(BUCKET)));
        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(false, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("has a bucket policy that grants access (statements LetThemIn)");
        }
        server.verify(0, putRequestedFor(urlPathMatching("/" + BUCKET + "/artifacts/.*")));
    }

    @Test
    void reusedBucketWithPublicAccessAllowedFailsClosed() {
        cfn.bucketConfig("publicAccessBlock", WireMockCloudFormation.xmlS3("""
                <PublicAccessBlockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>
                  <BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>
                </PublicAccessBlockConfiguration>"""));
        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.deploy(false, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining(
                            "has its public access block turned off (BlockPublicPolicy, RestrictPublicBuckets)");
        }
        server.verify(0, putRequestedFor(urlPathMatching("/" + BUCKET + "/artifacts/.*")));
    }

    @Test
    void removeDoesNotEmptyABucketOfAnotherAccount() {
        server.stubFor(head(urlPathMatching("/" + BUCKET + "/?"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        try (AwsSession session = session()) {
            assertThatThrownBy(() -> session.remove(false, ProgressListener.NONE))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("answered 403");
        }
        server.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
                        urlPathMatching("/" + BUCKET + ".*")));
        server.verify(0, postRequestedFor(urlPathMatching("/" + BUCKET + ".*")));
    }

    private static String query(LoggedRequest r) {
        String url = r.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1).replaceAll("=.*", "");
    }

    private static List<LoggedRequest> s3Requests() {
        return server.findAll(anyRequestedFor(urlPathMatching("/strato-orders-dev-.*")));
    }

    private AwsSession session() {
        return new AwsSession(
                AwsTestTargets.connection(URI.create(server.baseUrl())), AwsTestTargets.orders(), AwsTestTargets.FAST);
    }
}
