package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call the HTTP functions. CORS and App Service authentication belong to the app, not
 * to a route: the app allows the union of the routes' origins, and when routes ask for
 * {@code auth: jwt} the platform demands that token on every path but the other routes', which
 * are listed as excluded paths (so they must have no path parameters), and all JWT routes must
 * agree on issuer and audience.
 */
final class WebAccess {

    private static final String ENTRA = "(?i)https://(login\\.microsoftonline\\.com|sts\\.windows\\.net)/.*";

    private final List<Event.Http> routes;
    private final Warnings out;

    WebAccess(List<AzureFunction> functions, Warnings out) {
        this.routes = functions.stream()
                .map(AzureFunction::event)
                .filter(Event.Http.class::isInstance)
                .map(Event.Http.class::cast)
                .toList();
        this.out = out;
    }

    /** {@code siteConfig.cors}, or null when no route allows other origins. */
    Map<String, Object> cors() {
        Set<String> origins = new LinkedHashSet<>();
        boolean credentials = false;
        for (Event.Http h : routes) {
            if (h.cors() == null) continue;
            origins.addAll(h.cors().origins());
            credentials |= h.cors().credentials();
        }
        if (origins.isEmpty()) return null;
        if (origins.contains("*")) {
            if (credentials)
                out.warn(
                        "CORS: a route allows every origin, so the app cannot allow credentials (App Service CORS is per app)");
            return Arm.map("allowedOrigins", List.of("*"), "supportCredentials", false);
        }
        return Arm.map("allowedOrigins", List.copyOf(origins), "supportCredentials", credentials);
    }

    /** The {@code authsettingsV2} properties, or null when no route asks for a JWT. */
    Map<String, Object> authentication() throws GenerationException {
        List<Event.Http> jwt =
                routes.stream().filter(h -> h.auth().kind() == AuthKind.JWT).toList();
        if (jwt.isEmpty()) return null;
        Event.Auth auth = jwt.get(0).auth();
        for (Event.Http h : jwt) {
            if (!h.auth().issuer().equals(auth.issuer()) || !h.auth().audience().equals(auth.audience())) {
                throw new GenerationException("routes " + jwt.get(0).path() + " and " + h.path()
                        + " want JWTs of different issuers or audiences:"
                        + " App Service authentication checks one issuer for the whole app");
            }
        }
        List<String> excluded = new ArrayList<>();
        for (Event.Http h : routes) {
            if (h.auth().kind() == AuthKind.JWT) continue;
            if (h.path().contains("{")) {
                throw new GenerationException(
                        "route " + h.method() + " " + h.path()
                                + " is not auth: jwt, but App Service authentication covers"
                                + " the whole app and exempts only literal paths; give it a path without parameters or auth: jwt");
            }
            excluded.add(h.path());
        }
        return Arm.map(
                "platform", Arm.map("enabled", true),
                "globalValidation",
                        Arm.map(
                                "requireAuthentication",
                                true,
                                "unauthenticatedClientAction",
                                "Return401",
                                "excludedPaths",
                                excluded.isEmpty() ? null : excluded),
                "identityProviders", provider(auth),
                "login", Arm.map("tokenStore", Arm.map("enabled", false)),
                "httpSettings", Arm.map("requireHttps", true));
    }

    /** Microsoft Entra issuers through the Entra provider (it checks audiences); any other OpenID Connect issuer as a custom provider. */
    private Map<String, Object> provider(Event.Auth auth) {
        String clientId = auth.audience().isEmpty() ? null : auth.audience().get(0);
        if (auth.issuer().matches(ENTRA)) {
            return Arm.map(
                    "azureActiveDirectory",
                    Arm.map(
                            "enabled",
                            true,
                            "registration",
                            Arm.map("openIdIssuer", auth.issuer(), "clientId", clientId),
                            "validation",
                            Arm.map("allowedAudiences", auth.audience())));
        }
        if (auth.audience().size() > 1)
            out.warn("JWT audiences after the first (" + clientId + ") are not checked for issuer " + auth.issuer());
        String issuer = auth.issuer().endsWith("/")
                ? auth.issuer().substring(0, auth.issuer().length() - 1)
                : auth.issuer();
        return Arm.map(
                "customOpenIdConnectProviders",
                Arm.map(
                        "strato",
                        Arm.map(
                                "enabled",
                                true,
                                "registration",
                                Arm.map(
                                        "clientId",
                                        clientId,
                                        "openIdConnectConfiguration",
                                        Arm.map(
                                                "wellKnownOpenIdConfiguration",
                                                issuer + "/.well-known/openid-configuration")))));
    }
}
