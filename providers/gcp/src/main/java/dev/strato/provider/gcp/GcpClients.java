package dev.strato.provider.gcp;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import dev.strato.provider.Connection;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * The Google clients of one session, created on first use so that bad input is refused before any credential
 * or network work: REST (Infrastructure Manager, Cloud Functions, Cloud Logging, Firestore admin), Cloud Storage
 * over its JSON API, Pub/Sub over its HTTP/JSON transport. All share one HTTP transport and one set of credentials.
 * PUBSUB_EMULATOR_HOST and STORAGE_EMULATOR_HOST send those services to an emulator without credentials.
 */
final class GcpClients implements AutoCloseable {

    private final Connection connection;
    private final GcpTarget target;
    private final ClientSettings settings;
    private final HttpTransport transport = new NetHttpTransport();
    private ProgressListener progress = ProgressListener.NONE;
    private GoogleCredentials credentials;
    private GoogleRest rest;
    private Storage storage;
    private TopicAdminClient topics;

    GcpClients(Connection connection, GcpTarget target, ClientSettings settings) {
        this.connection = connection;
        this.target = target;
        this.settings = settings;
    }

    GcpTarget target() {
        return target;
    }

    ClientSettings settings() {
        return settings;
    }

    Map<String, String> environment() {
        return connection.environment();
    }

    /** Where retry notices go while a command runs. */
    void progress(ProgressListener progress) {
        this.progress = progress;
    }

    synchronized GoogleCredentials credentials() {
        if (credentials == null) {
            GoogleCredentials loaded = Credentials.load(connection.environment(), () -> transport);
            // the first token: a refused grant is the user's to fix, a dropped connection or a 5xx is retried
            for (int attempt = 1; ; attempt++) {
                try {
                    loaded.refreshIfExpired();
                    break;
                } catch (IOException e) {
                    boolean retryable = !(e instanceof com.google.auth.Retryable r) || r.isRetryable() || !refusal(e);
                    if (!retryable || attempt >= settings.maxAttempts())
                        throw new ProviderException(Credentials.refused(GcpErrors.firstLine(e.getMessage())), e);
                    notice("getting an access token failed (" + GcpErrors.firstLine(e.getMessage()) + "), retrying");
                    try {
                        Thread.sleep(settings.backoff(attempt + 1).toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new ProviderException("interrupted while getting an access token", e);
                    }
                }
            }
            credentials = loaded;
        }
        return credentials;
    }

    /** Whether the token endpoint answered with a refusal (4xx other than 429), rather than with nothing usable. */
    private static boolean refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.google.api.client.http.HttpResponseException h) {
                int code = h.getStatusCode();
                return code >= 400 && code < 500 && code != 429;
            }
        }
        return true;
    }

    synchronized GoogleRest rest() {
        if (rest == null)
            rest = new GoogleRest(transport, credentials(), connection.endpoint(), settings, this::notice);
        return rest;
    }

    /** REST without credentials: for signed URLs and an ID-token call that sets its own header. */
    GoogleRest anonymous() {
        return new GoogleRest(transport, null, connection.endpoint(), settings, this::notice);
    }

    private void notice(String message) {
        progress.step(message);
    }

    synchronized Storage storage() {
        if (storage == null) {
            String emulator = connection.environment().get("STORAGE_EMULATOR_HOST");
            StorageOptions.Builder b = StorageOptions.http()
                    .setProjectId(target.project())
                    .setTransportOptions(HttpTransportOptions.newBuilder()
                            .setHttpTransportFactory(() -> transport)
                            .build())
                    .setRetrySettings(retrySettings());
            if (emulator != null && !emulator.isBlank()) {
                b.setHost(emulator.startsWith("http") ? emulator : "http://" + emulator)
                        .setCredentials(com.google.cloud.NoCredentials.getInstance());
            } else {
                b.setCredentials(credentials());
                if (connection.endpoint() != null)
                    b.setHost(connection.endpoint().toString());
            }
            storage = b.build().getService();
        }
        return storage;
    }

    synchronized TopicAdminClient topics() {
        if (topics == null) {
            String emulator = connection.environment().get("PUBSUB_EMULATOR_HOST");
            boolean local = emulator != null && !emulator.isBlank();
            URI endpoint = local
                    ? URI.create(emulator.startsWith("http") ? emulator : "http://" + emulator)
                    : connection.endpoint();
            String at = endpoint == null ? "https://pubsub.googleapis.com" : endpoint.toString();
            try {
                TopicAdminSettings.Builder b = TopicAdminSettings.newHttpJsonBuilder()
                        .setEndpoint(at)
                        .setCredentialsProvider(
                                local ? NoCredentialsProvider.create() : FixedCredentialsProvider.create(credentials()))
                        .setTransportChannelProvider(InstantiatingHttpJsonChannelProvider.newBuilder()
                                .setEndpoint(at)
                                .setHttpTransport(transport)
                                .build());
                b.publishSettings()
                        .setRetrySettings(retrySettings())
                        .setRetryableCodes(
                                StatusCode.Code.UNAVAILABLE,
                                StatusCode.Code.RESOURCE_EXHAUSTED,
                                StatusCode.Code.ABORTED,
                                StatusCode.Code.INTERNAL,
                                StatusCode.Code.UNKNOWN,
                                StatusCode.Code.DEADLINE_EXCEEDED);
                topics = TopicAdminClient.create(b.build());
            } catch (IOException e) {
                throw new ProviderException("could not set up the Pub/Sub client: " + e.getMessage(), e);
            }
        }
        return topics;
    }

    private RetrySettings retrySettings() {
        return RetrySettings.newBuilder()
                .setMaxAttempts(settings.maxAttempts())
                .setInitialRetryDelayDuration(settings.initialBackoff())
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(settings.maxBackoff())
                .setTotalTimeoutDuration(java.time.Duration.ofMinutes(5))
                .setInitialRpcTimeoutDuration(java.time.Duration.ofSeconds(60))
                .setMaxRpcTimeoutDuration(java.time.Duration.ofSeconds(60))
                .setRpcTimeoutMultiplier(1.0)
                .build();
    }

    @Override
    public synchronized void close() {
        if (topics != null) topics.close();
        try {
            if (storage != null) storage.close();
        } catch (Exception e) {
            // closing a client that is done cannot lose work
        }
        try {
            transport.shutdown();
        } catch (IOException e) {
            // as above
        }
    }
}
