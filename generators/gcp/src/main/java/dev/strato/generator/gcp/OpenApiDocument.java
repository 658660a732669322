package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 2 document API Gateway serves the routes from: each route goes to its function's
 * Cloud Run URL with the request path appended, as the function's own URL would get it; API keys
 * and JWTs are checked here. Backend addresses are placeholders ({@link Tf.Expr}s) that Terraform's
 * {@code templatefile} fills in, so the document is written like the configuration.
 */
final class OpenApiDocument {

    static final String FILE = "openapi.json";
    static final String MANAGED_SERVICE = "managed_service";
    static final String API_KEY = "api_key";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<HttpMethod> ANY = List.of(
            HttpMethod.GET,
            HttpMethod.PUT,
            HttpMethod.POST,
            HttpMethod.DELETE,
            HttpMethod.OPTIONS,
            HttpMethod.HEAD,
            HttpMethod.PATCH);

    private final Map<String, Object> paths = new LinkedHashMap<>();
    private final Map<String, Object> securityDefinitions = new LinkedHashMap<>();
    private final Map<String, String> jwtSchemes = new LinkedHashMap<>();
    private final Map<String, Integer> operationIds = new LinkedHashMap<>();

    private OpenApiDocument() {}

    static String placeholder(String functionKey) {
        return "backend_" + functionKey;
    }

    /** Whether a route has CORS: the gateway then passes preflight requests on, which it does only for its own managed service. */
    static boolean allowsCors(List<Delivery> deliveries) {
        return deliveries.stream().anyMatch(d -> d.routes().stream().anyMatch(r -> r.cors() != null));
    }

    static Map<String, Object> of(Service service, GcpNames names, List<Delivery> deliveries)
            throws GenerationException {
        OpenApiDocument doc = new OpenApiDocument();
        for (Delivery d : deliveries) {
            for (Event.Http route : d.routes()) doc.route(d.function(), route);
        }
        return Tf.map(
                "swagger",
                "2.0",
                "info",
                Tf.map(
                        "title",
                        names.base(GcpNames.API_ID_LENGTH),
                        "description",
                        service.description(),
                        "version",
                        "1.0.0"),
                "schemes",
                List.of("https"),
                "produces",
                List.of("application/json"),
                "x-google-endpoints",
                allowsCors(deliveries) ? List.of(Tf.map("name", Tf.expr(MANAGED_SERVICE), "allowCors", true)) : null,
                "securityDefinitions",
                doc.securityDefinitions.isEmpty() ? null : doc.securityDefinitions,
                "paths",
                doc.paths);
    }

    private void route(Function f, Event.Http route) throws GenerationException {
        String fn = GcpNames.key(f.name());
        if (route.path().contains("+}")) {
            throw new GenerationException(
                    f.name() + ": " + route.method() + " " + route.path() + " has a greedy path parameter, which an"
                            + " OpenAPI 2 path cannot declare, so API Gateway cannot route it: use single-segment parameters, or gateway: none");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> operations =
                (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<String, Object>());
        List<HttpMethod> methods = route.method() == HttpMethod.ANY ? ANY : List.of(route.method());
        for (HttpMethod m : methods) {
            String method = m.id().toLowerCase(Locale.ROOT);
            if (operations.containsKey(method)) continue;
            operations.put(
                    method,
                    Tf.map(
                            "operationId", operationId(fn, method),
                            "summary", m.id() + " " + route.path() + " (function " + f.name() + ")",
                            "parameters", parameters(route.path()),
                            "security", security(route.auth()),
                            "x-google-backend",
                                    Tf.map(
                                            "address",
                                            Tf.expr(placeholder(fn)),
                                            "path_translation",
                                            "APPEND_PATH_TO_ADDRESS",
                                            "deadline",
                                            (double) f.timeout().toSeconds()),
                            "responses", Tf.map("default", Tf.map("description", "the function's response"))));
        }
    }

    private static List<Object> parameters(String route) {
        List<Object> list = new ArrayList<>();
        Matcher m = PARAMETER.matcher(route);
        while (m.find()) list.add(Tf.map("name", m.group(1), "in", "path", "required", true, "type", "string"));
        return list.isEmpty() ? null : list;
    }

    private String operationId(String fn, String method) {
        String base = fn + "_" + method;
        int n = operationIds.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }

    private List<Object> security(Event.Auth auth) {
        if (auth.kind() == AuthKind.NONE) return null;
        if (auth.kind() == AuthKind.KEY) {
            securityDefinitions.putIfAbsent(API_KEY, Tf.map("type", "apiKey", "name", "key", "in", "query"));
            return List.of(Tf.map(API_KEY, List.of()));
        }
        String audiences = String.join(",", auth.audience());
        String scheme =
                jwtSchemes.computeIfAbsent(auth.issuer() + " " + audiences, k -> "jwt_" + (jwtSchemes.size() + 1));
        securityDefinitions.putIfAbsent(
                scheme,
                Tf.map(
                        "type", "oauth2",
                        "authorizationUrl", "",
                        "flow", "implicit",
                        "x-google-issuer", auth.issuer(),
                        "x-google-audiences", audiences.isEmpty() ? null : audiences));
        return List.of(Tf.map(scheme, List.of()));
    }
}
