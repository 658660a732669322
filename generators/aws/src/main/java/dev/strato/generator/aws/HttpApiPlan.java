package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's one HTTP API: its routes, its JWT authorizers (one per issuer and audience) and
 * its CORS settings. An HTTP API has one CORS configuration, so the routes' settings are merged.
 */
final class HttpApiPlan {

    record Route(Function function, String eventName, HttpMethod method, String path, String authorizer) {

        String routeKey() {
            return method.id() + " " + path;
        }

        /** The part of an execute-api ARN after the stage: method and path with parameters as {@code *}. */
        String arnPath() {
            return (method == HttpMethod.ANY ? "*" : method.id()) + path.replaceAll("\\{[^}]+}", "*");
        }
    }

    record Authorizer(String name, String issuer, List<String> audience) {}

    private final List<Route> routes = new ArrayList<>();
    private final Map<Event.Auth, Authorizer> authorizers = new LinkedHashMap<>();
    private final List<Event.Cors> cors = new ArrayList<>();

    HttpApiPlan(Service service) throws GenerationException {
        for (Function f : service.functions().values()) {
            int ordinal = 0;
            for (Event e : f.events()) {
                if (!(e instanceof Event.Http h)) continue;
                ordinal++;
                if (h.auth().kind() == AuthKind.KEY) {
                    throw new GenerationException("function " + f.name()
                            + ": auth: key is not available on aws (API Gateway HTTP APIs have no API keys); use jwt");
                }
                String authorizer = null;
                if (h.auth().kind() == AuthKind.JWT) {
                    authorizer = authorizers
                            .computeIfAbsent(
                                    h.auth(),
                                    a -> new Authorizer("Jwt" + (authorizers.size() + 1), a.issuer(), a.audience()))
                            .name();
                }
                routes.add(new Route(f, LogicalIds.eventName("http", ordinal), h.method(), h.path(), authorizer));
                if (h.cors() != null) cors.add(h.cors());
            }
        }
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    List<Route> routes() {
        return routes;
    }

    List<Route> routesOf(Function f) {
        return routes.stream().filter(r -> r.function() == f).toList();
    }

    List<Authorizer> authorizers() {
        return List.copyOf(authorizers.values());
    }

    /** {@code CorsConfiguration} of the API (the same keys in SAM), or null when no route asks for CORS. */
    Map<String, Object> corsConfiguration() throws GenerationException {
        if (cors.isEmpty()) return null;
        Set<String> origins = new LinkedHashSet<>();
        Set<String> methods = new LinkedHashSet<>();
        Set<String> headers = new LinkedHashSet<>();
        boolean credentials = false;
        Duration maxAge = null;
        for (Event.Cors c : cors) {
            origins.addAll(c.origins());
            methods.addAll(c.methods());
            headers.addAll(c.headers());
            credentials |= c.credentials();
            if (c.maxAge() != null && (maxAge == null || c.maxAge().compareTo(maxAge) > 0)) maxAge = c.maxAge();
        }
        if (credentials && origins.contains("*")) {
            throw new GenerationException(
                    "an HTTP API has one CORS configuration on aws: routes with cors: true (any origin) and routes with"
                            + " credentials cannot share it; list the origins explicitly");
        }
        return Cfn.map(
                "AllowOrigins", collapse(origins),
                "AllowMethods", collapse(methods),
                "AllowHeaders", headers.isEmpty() ? null : collapse(headers),
                "AllowCredentials", credentials ? true : null,
                "MaxAge", maxAge == null ? null : (int) maxAge.toSeconds());
    }

    private static List<String> collapse(Set<String> values) {
        return values.contains("*") ? List.of("*") : List.copyOf(values);
    }
}
