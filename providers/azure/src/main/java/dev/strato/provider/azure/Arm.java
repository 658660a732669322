package dev.strato.provider.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure Resource Manager's REST operations through azure-core's {@link HttpPipeline} (bearer token,
 * retries, timeouts): the resource manager client libraries are not served by the registry this project
 * builds from (azure-resourcemanager-resources 2.54.2 is missing), so the documented operations are
 * called directly. Long-running operations follow ARM's async pattern: {@code Azure-AsyncOperation}
 * or {@code Location}, polled as {@code Retry-After} says
 * (learn.microsoft.com/azure/azure-resource-manager/management/async-operations).
 */
final class Arm {

    /** Microsoft.Resources: resource groups, deployments, what-if, operations. */
    static final String RESOURCES_API = "2021-04-01";
    /** Microsoft.Web: sites, functions, keys, restart, sync triggers. */
    static final String WEB_API = "2024-11-01";

    static final String STORAGE_API = "2023-05-01";
    static final String WORKSPACE_API = "2023-09-01";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpHeaderName ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");
    private static final HttpHeaderName RETRY_AFTER = HttpHeaderName.fromString("Retry-After");

    /** An answer: status, the headers strato reads, and the JSON body (an empty object when there is none). */
    record Response(int status, String asyncOperation, String location, Duration retryAfter, JsonNode body) {}

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final ClientSettings settings;

    Arm(HttpPipeline pipeline, URI endpoint, ClientSettings settings) {
        this.pipeline = pipeline;
        String e = endpoint.toString();
        this.endpoint = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
        this.settings = settings;
    }

    String endpoint() {
        return endpoint;
    }

    JsonNode get(String path, String apiVersion) {
        return ok(send(HttpMethod.GET, path, apiVersion, null)).body();
    }

    /** The resource, or null when ARM answers 404. */
    JsonNode find(String path, String apiVersion) {
        Response r = send(HttpMethod.GET, path, apiVersion, null);
        if (r.status() == 404) return null;
        return ok(r).body();
    }

    JsonNode put(String path, String apiVersion, Object body) {
        return ok(send(HttpMethod.PUT, path, apiVersion, body)).body();
    }

    JsonNode post(String path, String apiVersion, Object body) {
        return ok(send(HttpMethod.POST, path, apiVersion, body)).body();
    }

    /** Sends and, for 201/202 with a polling header, waits for the operation's end; returns the final body. */
    JsonNode await(HttpMethod method, String path, String apiVersion, Object body, String what) {
        Response r = ok(send(method, path, apiVersion, body));
        return poll(r, what);
    }

    JsonNode poll(Response first, String what) {
        Response r = first;
        Instant deadline = Instant.now().plus(settings.operationTimeout());
        if (r.asyncOperation() != null) {
            String url = r.asyncOperation();
            while (true) {
                sleep(r.retryAfter());
                Response s = ok(sendUrl(HttpMethod.GET, url, null));
                String status = s.body().path("status").asString("");
                if (status.equalsIgnoreCase("Succeeded")) {
                    return r.location() != null
                            ? ok(sendUrl(HttpMethod.GET, r.location(), null)).body()
                            : s.body();
                }
                if (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled")) {
                    JsonNode error = s.body().path("error");
                    throw new ArmException(
                            200,
                            error.path("code").asString(status),
                            error.path("message").asString(what + " " + status.toLowerCase()));
                }
                if (Instant.now().isAfter(deadline))
                    throw new ArmException(
                            0, "Timeout", what + " did not finish within " + settings.operationTimeout());
                r = s;
            }
        }
        if ((r.status() == 201 || r.status() == 202) && r.location() != null) {
            String url = r.location();
            while (true) {
                sleep(r.retryAfter());
                Response s = sendUrl(HttpMethod.GET, url, null);
                if (s.status() == 202) {
                    if (Instant.now().isAfter(deadline))
                        throw new ArmException(
                                0, "Timeout", what + " did not finish within " + settings.operationTimeout());
                    r = s;
                    continue;
                }
                return ok(s).body();
            }
        }
        return r.body();
    }

    Response send(HttpMethod method, String path, String apiVersion, Object body) {
        String url = endpoint + path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
        return sendUrl(method, url, body);
    }

    Response sendUrl(HttpMethod method, String url, Object body) {
        return sendUrl(method, url, body, "application/json");
    }

    /** As {@link #sendUrl(HttpMethod, String, Object)}, with the body's content type (application/zip for one deploy). */
    Response sendUrl(HttpMethod method, String url, Object body, String contentType) {
        HttpRequest request = new HttpRequest(method, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
            request.setBody(body instanceof byte[] b ? b : JSON.writeValueAsBytes(body));
        } else if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            request.setHeader(HttpHeaderName.CONTENT_LENGTH, "0");
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            byte[] bytes = response.getBodyAsBinaryData().toBytes();
            JsonNode json = parse(bytes);
            return new Response(
                    response.getStatusCode(),
                    response.getHeaderValue(ASYNC_OPERATION),
                    response.getHeaderValue(HttpHeaderName.LOCATION),
                    retryAfter(response.getHeaderValue(RETRY_AFTER)),
                    json);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) return JSON.createObjectNode();
        try {
            return JSON.readTree(bytes);
        } catch (RuntimeException e) {
            ObjectNode n = JSON.createObjectNode();
            n.put("text", new String(bytes, StandardCharsets.UTF_8));
            return n;
        }
    }

    static Response ok(Response r) {
        if (r.status() < 400) return r;
        JsonNode error = r.body().has("error") ? r.body().path("error") : r.body();
        String code = error.path("code").asString(null);
        String message = error.path("message").asString(r.body().path("text").asString(null));
        throw new ArmException(r.status(), code, message);
    }

    private Duration retryAfter(String header) {
        if (header != null) {
            try {
                long s = Long.parseLong(header.strip());
                Duration d = Duration.ofSeconds(s);
                return d.compareTo(settings.maxPollInterval()) > 0
                        ? settings.maxPollInterval()
                        : d.compareTo(settings.pollInterval()) < 0 ? settings.pollInterval() : d;
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to the default interval
            }
        }
        return settings.pollInterval();
    }

    void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArmException(0, "Interrupted", "interrupted while waiting");
        }
    }

    /** {@code /subscriptions/S/resourcegroups/G}. */
    static String group(String subscription, String resourceGroup) {
        return "/subscriptions/" + subscription + "/resourcegroups/" + resourceGroup;
    }
}
