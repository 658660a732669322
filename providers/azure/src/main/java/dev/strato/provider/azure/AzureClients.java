package dev.strato.provider.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.jdk.httpclient.JdkHttpClientProvider;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.HttpClientOptions;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import dev.strato.provider.Connection;
import java.net.URI;
import java.time.Duration;

/**
 * The session's clients, made on first use: one JDK HTTP client (java.net.http, no Netty) shared by
 * identity, ARM, Blob Storage and Log Analytics; one credential; the ARM pipeline.
 */
final class AzureClients implements AutoCloseable {

    static final URI MANAGEMENT = URI.create("https://management.azure.com");
    static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";
    static final String SCM_SCOPE = "https://management.core.windows.net/.default";

    private final Connection connection;
    private final ClientSettings settings;
    private HttpClient http;
    private TokenCredential credential;
    private Arm arm;
    private Arm scm;
    private HttpPipeline plain;
    private LogsQueryClient logs;

    AzureClients(Connection connection, ClientSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    ClientSettings settings() {
        return settings;
    }

    boolean endpointOverride() {
        return connection.endpoint() != null;
    }

    synchronized HttpClient http() {
        if (http == null) {
            HttpClientOptions options = new HttpClientOptions()
                    .setResponseTimeout(settings.responseTimeout())
                    .setConnectTimeout(Duration.ofSeconds(10))
                    .setReadTimeout(settings.responseTimeout());
            http = new JdkHttpClientProvider().createInstance(options);
        }
        return http;
    }

    synchronized TokenCredential credential() {
        if (credential == null)
            credential = Credentials.credential(connection.environment(), http(), endpointOverride());
        return credential;
    }

    /** Retries 408, 429 (after Retry-After), 5xx but 501/505, and I/O failures such as dropped connections. */
    RetryPolicy retryPolicy() {
        return new RetryPolicy(new RetryRules(settings, false));
    }

    synchronized Arm arm() {
        if (arm == null) {
            HttpPipeline pipeline = new HttpPipelineBuilder()
                    .httpClient(http())
                    .policies(
                            new UserAgentPolicy("strato"),
                            retryPolicy(),
                            new BearerTokenAuthenticationPolicy(credential(), MANAGEMENT_SCOPE))
                    .build();
            arm = new Arm(pipeline, connection.endpoint() != null ? connection.endpoint() : MANAGEMENT, settings);
        }
        return arm;
    }

    /**
     * The app's SCM site (Kudu: one deploy and its deployment status) with an Entra ID token for the
     * management audience, the one Azure CLI asks for (basic publishing credentials are off by policy).
     */
    synchronized Arm scm() {
        if (scm == null) {
            HttpPipeline pipeline = new HttpPipelineBuilder()
                    .httpClient(http())
                    .policies(
                            new UserAgentPolicy("strato"),
                            retryPolicy(),
                            new BearerTokenAuthenticationPolicy(credential(), SCM_SCOPE))
                    .build();
            scm = new Arm(pipeline, connection.endpoint() != null ? connection.endpoint() : MANAGEMENT, settings);
        }
        return scm;
    }

    /** For the function app's own endpoints (function URLs, the admin API): keys, not tokens. */
    synchronized HttpPipeline plain() {
        if (plain == null)
            plain = new HttpPipelineBuilder()
                    .httpClient(http())
                    .policies(new UserAgentPolicy("strato"), new RetryPolicy(new RetryRules(settings, true)))
                    .build();
        return plain;
    }

    /** Blob Storage at the account's endpoint as ARM reports it ({@code primaryEndpoints.blob}). */
    BlobServiceClient blobs(String blobEndpoint) {
        return new BlobServiceClientBuilder()
                .endpoint(blobEndpoint)
                .credential(credential())
                .httpClient(http())
                .retryOptions(new RequestRetryOptions(
                        RetryPolicyType.EXPONENTIAL,
                        settings.maxRetries() + 1,
                        (int) Math.max(1, settings.responseTimeout().toSeconds()),
                        settings.baseDelay().toMillis(),
                        settings.maxDelay().toMillis(),
                        null))
                .buildClient();
    }

    synchronized LogsQueryClient logs() {
        if (logs == null) {
            LogsQueryClientBuilder b = new LogsQueryClientBuilder()
                    .credential(credential())
                    .httpClient(http())
                    .retryPolicy(retryPolicy());
            if (connection.endpoint() != null)
                b.endpoint(stripSlash(connection.endpoint().toString()) + "/v1");
            logs = b.buildClient();
        }
        return logs;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        // the JDK client and the credential hold no resources that outlive the JVM's daemon threads
    }
}
