package dev.strato.local;

import dev.strato.model.service.Event;
import dev.strato.model.service.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw HTTP request the runner turns into the neutral event with the core's {@code httpEvent}. */
final class HttpRequests {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^{}+]+)(\\+?)}");
    private static final Pattern JSON_TYPE =
            Pattern.compile("^application/(json|[\\w.+-]+\\+json)\\b", Pattern.CASE_INSENSITIVE);
    /** The content types the adapter core treats as text; any other body is binary. */
    private static final Pattern TEXT_TYPE = Pattern.compile(
            "^(text/|application/(json|[\\w.+-]+\\+json|xml|[\\w.+-]+\\+xml|x-www-form-urlencoded|javascript|graphql)\\b)",
            Pattern.CASE_INSENSITIVE);

    private HttpRequests() {}

    static Map<String, Object> build(Event.Http trigger, InvokeRequest request, Consumer<String> warn) {
        String route = trigger.path();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        String path;
        if (request.path() != null) {
            String[] parts = request.path().split("\\?", 2);
            path = parts[0];
            if (parts.length > 1) query.putAll(queryOf(parts[1]));
            params.putAll(match(route, path));
        } else {
            Matcher m = PARAMETER.matcher(route);
            while (m.find()) params.put(m.group(1), "");
            path = PARAMETER.matcher(route).replaceAll("");
            if (!params.isEmpty()) {
                warn.accept("no --path: path parameter" + (params.size() == 1 ? " " : "s ")
                        + String.join(", ", params.keySet()) + " of route " + route + " left empty (give e.g. --path "
                        + example(route) + ")");
            }
        }
        query.putAll(request.query());
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        String body = request.text();
        boolean binary = false;
        if (body != null) {
            String type = headers.get("content-type");
            if (type == null) {
                if (JsonData.looksLikeJson(body)) JsonData.parse(body, "--data");
                headers.put(
                        "content-type",
                        JsonData.looksLikeJson(body) ? "application/json" : "text/plain; charset=utf-8");
            } else if (JSON_TYPE.matcher(type).find()) {
                JsonData.parse(body, "--data");
            } else {
                binary = !TEXT_TYPE.matcher(type).find();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", method(trigger.method(), body).name());
        out.put("path", path);
        out.put("route", route);
        out.put("params", params);
        out.put("query", query);
        out.put("headers", headers);
        out.put("body", binary ? Base64.getEncoder().encodeToString(request.data()) : body);
        out.put("base64", binary);
        return out;
    }

    /** ANY stands for whatever the caller sends: POST with a body, else GET. */
    private static HttpMethod method(HttpMethod method, String body) {
        if (method != HttpMethod.ANY) return method;
        return body == null ? HttpMethod.GET : HttpMethod.POST;
    }

    static boolean matches(String route, String path) {
        try {
            match(route, path.split("\\?", 2)[0]);
            return true;
        } catch (LocalInvokeException e) {
            return false;
        }
    }

    /** Path parameters of {@code path} on {@code route}, or a usage error when it does not match. */
    static Map<String, String> match(String route, String path) {
        String[] want = route.equals("/") ? new String[0] : route.substring(1).split("/", -1);
        String[] have = path.equals("/") || path.isEmpty()
                ? new String[0]
                : path.replaceFirst("^/", "").split("/", -1);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            Matcher p = PARAMETER.matcher(want[i]);
            boolean isParam = p.matches();
            if (isParam && !p.group(2).isEmpty() && i < have.length) {
                params.put(p.group(1), decode(String.join("/", java.util.Arrays.copyOfRange(have, i, have.length))));
                return params;
            }
            if (i >= have.length) throw mismatch(route, path);
            if (isParam) params.put(p.group(1), decode(have[i]));
            else if (!want[i].equals(have[i])) throw mismatch(route, path);
        }
        if (have.length != want.length) throw mismatch(route, path);
        return params;
    }

    private static LocalInvokeException mismatch(String route, String path) {
        return LocalInvokeException.usage("--path " + path + " does not match the function's route " + route
                + " (e.g. --path " + example(route) + ")");
    }

    private static String example(String route) {
        return PARAMETER.matcher(route).replaceAll(m -> m.group(1).equals("id") ? "42" : m.group(1));
    }

    private static Map<String, String> queryOf(String text) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            query.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    /** A path segment: percent-decoded, a '+' stays a '+'. */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
