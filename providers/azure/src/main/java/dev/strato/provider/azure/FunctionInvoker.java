package dev.strato.provider.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.provider.InvokeRequest;
import dev.strato.provider.InvokeResult;
import dev.strato.provider.ProviderException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invokes a deployed function. HTTP functions through their URL with the function's default key, read
 * through the management API (web-apps/list-function-keys); other triggers through the host's admin
 * endpoint {@code POST /admin/functions/{name}} with the master key (web-apps/list-host-keys), as
 * learn.microsoft.com/azure/azure-functions/functions-manually-run-non-http describes: the host queues
 * that run and answers 202, so a non-HTTP invoke reports it was accepted.
 */
final class FunctionInvoker {

    private static final HttpHeaderName FUNCTION_KEY = HttpHeaderName.fromString("x-functions-key");
    private static final Pattern ROUTE_PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)(?::[^}]*)?\\??}");

    private final AzureClients clients;
    private final AzureTarget target;

    FunctionInvoker(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    InvokeResult invoke(Function function, DeployedApp app, InvokeRequest request) {
        Event.Http http = function.events().stream()
                .filter(e -> e instanceof Event.Http)
                .map(e -> (Event.Http) e)
                .findFirst()
                .orElse(null);
        String site = target.sitePath(app.functionApp());
        String payload = new String(request.payload(), StandardCharsets.UTF_8);
        if (http != null) {
            JsonNode fn = AzureErrors.call(
                    "read function " + function.name(),
                    () -> clients.arm().get(site + "/functions/" + function.name(), Arm.WEB_API));
            String url = fn.path("properties").path("invoke_url_template").asString(null);
            if (url == null || url.isBlank())
                throw new ProviderException("function " + function.name()
                        + " reports no invoke URL; is the package deployed? run 'strato deploy' again");
            JsonNode keys = AzureErrors.call(
                    "read the keys of function " + function.name(),
                    () -> clients.arm().post(site + "/functions/" + function.name() + "/listkeys", Arm.WEB_API, null));
            String key = keys.path("default").asString(null);
            if (key == null) key = first(keys);
            String method = http.method() == null || http.method() == HttpMethod.ANY
                    ? (payload.isBlank() || payload.equals("{}") ? "GET" : "POST")
                    : http.method().id();
            return send(
                    function.name(),
                    method,
                    fill(url, payload),
                    key,
                    method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") ? null : request.payload(),
                    false);
        }
        JsonNode hostKeys = AzureErrors.call(
                "read the host keys of " + app.functionApp(),
                () -> clients.arm().post(site + "/host/default/listkeys", Arm.WEB_API, null));
        String master = hostKeys.path("masterKey").asString(null);
        if (master == null)
            throw new ProviderException("the host keys of " + app.functionApp() + " have no master key");
        JsonNode siteJson = AzureErrors.call(
                "read function app " + app.functionApp(), () -> clients.arm().get(site, Arm.WEB_API));
        String host = siteJson.path("properties").path("defaultHostName").asString(null);
        ObjectNode body = Arm.JSON.createObjectNode();
        body.put("input", payload);
        return send(
                function.name(),
                "POST",
                "https://" + host + "/admin/functions/" + function.name(),
                master,
                Arm.JSON.writeValueAsBytes(body),
                true);
    }

    private InvokeResult send(String name, String method, String url, String key, byte[] body, boolean admin) {
        HttpRequest request = new HttpRequest(com.azure.core.http.HttpMethod.valueOf(method), url);
        request.setHeader(FUNCTION_KEY, key);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        return AzureErrors.call("invoke " + name, () -> {
            try (HttpResponse response = clients.plain().sendSync(request, Context.NONE)) {
                String text = response.getBodyAsBinaryData() == null
                        ? ""
                        : response.getBodyAsBinaryData().toString();
                int status = response.getStatusCode();
                String error = null;
                if (status >= 400)
                    error = "HTTP " + status
                            + (admin && status == 404 ? " (no function " + name + " in the deployed app)" : "")
                            + (text.isBlank() ? "" : ": " + AzureErrors.firstLine(text));
                return new InvokeResult(name, status, admin && status < 400 ? "" : text, error, null);
            }
        });
    }

    /** Fills route parameters ({id}) from the data's top-level fields of the same name. */
    static String fill(String url, String payload) {
        Map<String, JsonNode> fields = new java.util.HashMap<>();
        try {
            JsonNode data = Arm.JSON.readTree(payload);
            for (Map.Entry<String, JsonNode> e : data.properties()) fields.put(e.getKey(), e.getValue());
        } catch (RuntimeException e) {
            // not an object: no parameters to take
        }
        Matcher m = ROUTE_PARAMETER.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = fields.get(m.group(1));
            String value = v == null
                    ? ""
                    : URLEncoder.encode(v.isValueNode() ? v.asString("") : v.toString(), StandardCharsets.UTF_8);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String first(JsonNode keys) {
        for (Map.Entry<String, JsonNode> e : keys.properties())
            if (e.getValue().isString()) return e.getValue().asString();
        throw new ProviderException("the function has no keys");
    }
}
