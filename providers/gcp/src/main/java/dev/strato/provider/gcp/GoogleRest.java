package dev.strato.provider.gcp;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpCredentialsAdapter;
import dev.strato.provider.ProviderException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTPS to a Google REST API through Google's own transport and credentials, with the retries every
 * caller needs: 429 and 5xx answers and dropped connections are retried with exponential backoff (honouring
 * Retry-After), everything else is an answer. {@code --endpoint-url} replaces {@code https://SERVICE.googleapis.com}.
 */
final class GoogleRest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpRequestFactory factory;
    private final URI endpoint;
    private final ClientSettings settings;
    private final Consumer<String> retryNotice;

    GoogleRest(
            HttpTransport transport,
            com.google.auth.Credentials credentials,
            URI endpoint,
            ClientSettings settings,
            Consumer<String> retryNotice) {
        HttpCredentialsAdapter auth = credentials == null ? null : new HttpCredentialsAdapter(credentials);
        this.factory = transport.createRequestFactory(request -> {
            if (auth != null) auth.initialize(request);
            request.setConnectTimeout(20_000);
            request.setReadTimeout(60_000);
            request.setNumberOfRetries(0);
            request.setThrowExceptionOnExecuteError(false);
        });
        this.endpoint = endpoint;
        this.settings = settings;
        this.retryNotice = retryNotice;
    }

    /** The URL of {@code path} (from /v1/…) on {@code service} ("config", "logging", "cloudfunctions", …). */
    String url(String service, String path) {
        if (endpoint == null) return "https://" + service + ".googleapis.com" + path;
        String base = endpoint.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    JsonNode get(String service, String path) {
        return send("GET", url(service, path), null);
    }

    JsonNode post(String service, String path, Object body) {
        return send("POST", url(service, path), body);
    }

    /** PATCH as POST with X-HTTP-Method-Override, which Google's APIs honour: the JDK's HTTP client cannot send PATCH. */
    JsonNode patch(String service, String path, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        Answer a =
                raw("POST", url(service, path), bytes, "application/json", Map.of("X-HTTP-Method-Override", "PATCH"));
        if (a.status() / 100 != 2) throw error(a);
        return a.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(a.body());
    }

    JsonNode delete(String service, String path) {
        return send("DELETE", url(service, path), null);
    }

    /** Sends one JSON request (retrying as above) and returns the JSON answer; an error answer throws {@link GoogleApiException}. */
    JsonNode send(String method, String url, Object body) {
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
        Answer a = raw(method, url, bytes, "application/json", Map.of());
        if (a.status() / 100 != 2) throw error(a);
        return a.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(a.body());
    }

    /** One HTTP answer. */
    record Answer(int status, byte[] body, Map<String, Object> headers) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends a request and returns whatever answer is final (2xx, 4xx other than 429, or the last retryable one). */
    Answer raw(String method, String url, byte[] body, String contentType, Map<String, String> headers) {
        IOException lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) sleep(lastFailure, attempt);
            try {
                HttpContent content = body == null ? null : new ByteArrayContent(contentType, body);
                HttpRequest request = factory.buildRequest(method, new GenericUrl(url), content);
                headers.forEach((k, v) -> request.getHeaders().set(k, v));
                HttpResponse response = request.execute();
                try {
                    byte[] answer = response.getContent() == null
                            ? new byte[0]
                            : response.getContent().readAllBytes();
                    Answer a = new Answer(response.getStatusCode(), answer, Map.copyOf(response.getHeaders()));
                    if (!retryable(a.status()) || attempt >= settings.maxAttempts()) return a;
                    retryNotice.accept("HTTP " + a.status() + " from " + host(url) + ", retrying (attempt "
                            + (attempt + 1) + " of " + settings.maxAttempts() + ")");
                    lastFailure = null;
                } finally {
                    response.disconnect();
                }
            } catch (IOException e) {
                // the credentials' own failures (GoogleAuthException) say whether a retry can help
                if (e instanceof com.google.auth.Retryable r && !r.isRetryable())
                    throw new ProviderException(Credentials.refused(GcpErrors.firstLine(e.getMessage())), e);
                if (e.getMessage() != null && e.getMessage().contains("Error getting access token")) {
                    throw new ProviderException(Credentials.refused(GcpErrors.firstLine(e.getMessage())), e);
                }
                if (attempt >= settings.maxAttempts()) {
                    throw new ProviderException(
                            "could not reach " + host(url) + " after " + attempt + " attempts: "
                                    + GcpErrors.firstLine(String.valueOf(e.getMessage()))
                                    + "; check the network (and a proxy's settings), then run the command again",
                            e);
                }
                retryNotice.accept("connection to " + host(url) + " failed ("
                        + e.getClass().getSimpleName() + "), retrying");
                lastFailure = e;
            }
        }
    }

    /** 429 and 5xx; and no status at all (garbage instead of an HTTP answer, as a broken proxy sends). */
    private static boolean retryable(int status) {
        return status < 100 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    private void sleep(IOException failure, int attempt) {
        try {
            Thread.sleep(settings.backoff(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting to retry", failure);
        }
    }

    private static String host(String url) {
        return URI.create(url).getHost();
    }

    static GoogleApiException error(Answer a) {
        String status = null;
        String message = a.text().strip();
        try {
            JsonNode error = JSON.readTree(a.body()).path("error");
            if (error.isObject()) {
                status = error.path("status").isString() ? error.path("status").asString() : null;
                message = error.path("message").asString(message);
            }
        } catch (RuntimeException notJson) {
            if (message.length() > 200) message = message.substring(0, 200);
        }
        if (message.isEmpty()) message = "HTTP " + a.status();
        return new GoogleApiException(a.status(), status, message);
    }
}
