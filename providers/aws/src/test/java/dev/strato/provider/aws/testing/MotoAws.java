package dev.strato.provider.aws.testing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What tests outside this module check or prepare in moto directly, without touching the SDK
 * themselves (the CLI's code, tests included, stays free of SDK imports).
 */
public final class MotoAws implements AutoCloseable {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final CloudWatchLogsClient logs;
    private final CloudFormationClient cloudFormation;

    public MotoAws(URI endpoint, String region) {
        Region r = Region.of(region);
        s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(r)
                .credentialsProvider(CREDENTIALS)
                .forcePathStyle(true)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        dynamoDb = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(r)
                .credentialsProvider(CREDENTIALS)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(endpoint)
                .region(r)
                .credentialsProvider(CREDENTIALS)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
        cloudFormation = CloudFormationClient.builder()
                .endpointOverride(endpoint)
                .region(r)
                .credentialsProvider(CREDENTIALS)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    /** The change sets of a stack that are not executed yet (what diff and --no-execute leave or clean up). */
    public List<String> pendingChangeSets(String stack) {
        return cloudFormation.listChangeSets(b -> b.stackName(stack)).summaries().stream()
                .filter(c -> !"EXECUTE_COMPLETE".equals(c.executionStatusAsString()))
                .map(c -> c.changeSetName())
                .toList();
    }

    /** The stack's status, or null when it does not exist. */
    public String stackStatus(String stack) {
        try {
            return cloudFormation
                    .describeStacks(b -> b.stackName(stack))
                    .stacks()
                    .get(0)
                    .stackStatusAsString();
        } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
            return null;
        }
    }

    /** How many updates the stack has had (its UPDATE_COMPLETE events). */
    public long stackUpdates(String stack) {
        return cloudFormation.describeStackEvents(b -> b.stackName(stack)).stackEvents().stream()
                .filter(e -> "UPDATE_COMPLETE".equals(e.resourceStatusAsString()))
                .count();
    }

    /** The keys of {@code bucket} that start with {@code prefix}. */
    public List<String> objectKeys(String bucket, String prefix) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key())
                .toList();
    }

    public List<String> buckets() {
        return s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
    }

    public List<String> tables() {
        return dynamoDb.listTables().tableNames();
    }

    /** Writes {@code messages} one millisecond apart, ending now, to a new stream of {@code group} (created when missing). */
    public void putLogEvents(String group, String stream, String... messages) {
        if (logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                .noneMatch(g -> g.logGroupName().equals(group))) {
            logs.createLogGroup(b -> b.logGroupName(group));
        }
        logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        long now = System.currentTimeMillis();
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            events.add(InputLogEvent.builder()
                    .timestamp(now - messages.length + i + 1)
                    .message(messages[i])
                    .build());
        }
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        logs.close();
        cloudFormation.close();
    }
}
