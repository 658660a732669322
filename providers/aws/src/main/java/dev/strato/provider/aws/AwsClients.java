package dev.strato.provider.aws;

import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK clients of one command, each built on first use with the same region, credentials, endpoint and retry strategy. */
final class AwsClients implements AutoCloseable {

    private final Connection connection;
    private final String region;
    private final String profile;
    private final ClientSettings settings;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private AwsCredentialsProvider credentials;
    private SdkHttpClient http;
    private final Map<Class<?>, SdkClient> clients = new HashMap<>();
    private String accountId;

    AwsClients(Connection connection, String region, String profile, ClientSettings settings) {
        this.connection = connection;
        this.region = region;
        this.profile = profile;
        this.settings = settings;
    }

    String region() {
        return region;
    }

    /** False only when an endpoint override speaks plain HTTP (a local emulator): then no policy may demand TLS. */
    boolean tls() {
        return connection.endpoint() == null
                || "https".equalsIgnoreCase(connection.endpoint().getScheme());
    }

    ClientSettings settings() {
        return settings;
    }

    CloudFormationClient cloudFormation() {
        return client(
                CloudFormationClient.class,
                () -> configure(CloudFormationClient.builder()).build());
    }

    S3Client s3() {
        return client(S3Client.class, () -> {
            var builder = configure(S3Client.builder());
            // emulators serve buckets by path and don't all speak the newer default checksums
            if (connection.endpoint() != null) {
                builder.forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            }
            return builder.build();
        });
    }

    LambdaClient lambda() {
        return client(
                LambdaClient.class, () -> configure(LambdaClient.builder()).build());
    }

    CloudWatchLogsClient logs() {
        return client(
                CloudWatchLogsClient.class,
                () -> configure(CloudWatchLogsClient.builder()).build());
    }

    DynamoDbClient dynamoDb() {
        return client(
                DynamoDbClient.class, () -> configure(DynamoDbClient.builder()).build());
    }

    /** The account the credentials belong to (one STS call, remembered). */
    synchronized String accountId() {
        if (accountId == null) {
            try (StsClient sts = configure(StsClient.builder()).build()) {
                accountId = AwsErrors.call(
                        "look up the AWS account", () -> sts.getCallerIdentity().account());
            }
        }
        return accountId;
    }

    /** The command's one client of {@code type}, built on first use. */
    private synchronized <C extends SdkClient> C client(Class<C> type, Supplier<C> factory) {
        SdkClient client = clients.get(type);
        if (client == null) {
            client = factory.get();
            clients.put(type, client);
            opened.add(client);
        }
        return type.cast(client);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClient(http())
                .overrideConfiguration(
                        o -> o.retryStrategy(retryStrategy()).apiCallAttemptTimeout(settings.attemptTimeout()));
        if (connection.endpoint() != null) builder.endpointOverride(connection.endpoint());
        return builder;
    }

    private RetryStrategy retryStrategy() {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxBackoff());
        // no circuit breaker: a deploy would rather wait out a long throttling burst than give up mid-way
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(backoff)
                .throttlingBackoffStrategy(backoff)
                .circuitBreakerEnabled(false)
                .build();
    }

    private SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(java.time.Duration.ofSeconds(10))
                    .socketTimeout(settings.attemptTimeout())
                    .build();
            opened.add(http);
        }
        return http;
    }

    /** Resolved once, up front, so that missing credentials are one clear line rather than a failure deep in a call. */
    private AwsCredentialsProvider credentials() {
        if (credentials == null) {
            AwsCredentialsProvider provider = Credentials.provider(connection, profile);
            try {
                provider.resolveCredentials();
            } catch (SdkClientException | IllegalStateException | IllegalArgumentException e) {
                throw new ProviderException(Credentials.missing(profile, e));
            }
            credentials = provider;
        }
        return credentials;
    }

    @Override
    public synchronized void close() {
        java.util.Collections.reverse(opened);
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a client frees connections; nothing to tell the user
            }
        }
        opened.clear();
        clients.clear();
    }
}
