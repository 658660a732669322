package dev.strato.generator.gcp;

import dev.strato.model.providers.GcpGateway;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code providers.gcp.gateway: api-gateway}: the routes also under one URL through API Gateway,
 * whose resources exist only in the google-beta provider. The gateway calls the functions as its
 * own service account; a function whose routes all need a key or a JWT is then not public at all.
 */
final class ApiGateway {

    static final String NAME = "strato";
    static final String ACCOUNT = "strato_api_gateway";
    static final String BETA = "google-beta";
    /** API config ids take at most 63 characters, and the provider appends a 26-character unique suffix to the prefix. */
    static final int CONFIG_ID_LENGTH = 63;

    static final int UNIQUE_SUFFIX_LENGTH = 26;
    /** The prefix without its closing hyphen. */
    static final int CONFIG_PREFIX_LENGTH = CONFIG_ID_LENGTH - UNIQUE_SUFFIX_LENGTH - 1;
    /** Gateway ids take at most 49 characters. */
    static final int GATEWAY_ID_LENGTH = 49;

    private ApiGateway() {}

    static boolean enabled(Service service, List<Delivery> deliveries) {
        return service.providers().gcp().gateway() == GcpGateway.API_GATEWAY
                && deliveries.stream().anyMatch(Delivery::http);
    }

    static void add(Configuration c, GcpNames names, Iam iam, List<Delivery> deliveries) {
        c.resource(
                Types.SERVICE_ACCOUNT,
                ACCOUNT,
                Tf.map(
                        "account_id", names.serviceAccount("api-gateway"),
                        "display_name", "strato " + names.label() + " API Gateway",
                        "description", "Calls the HTTP functions of " + names.label() + " for API Gateway"));
        List<Delivery> http = deliveries.stream().filter(Delivery::http).toList();
        for (Delivery d : http) {
            String fn = GcpNames.key(d.function().name());
            iam.invoker(fn, fn + "_api_gateway", Iam.member(ACCOUNT));
        }
        c.resource(
                Types.API,
                NAME,
                Tf.map(
                        "provider",
                        BETA,
                        "api_id",
                        names.base(GcpNames.API_ID_LENGTH),
                        "display_name",
                        "strato " + names.label()));
        List<String> variables = http.stream()
                .map(d -> OpenApiDocument.placeholder(GcpNames.key(d.function().name())) + " = "
                        + EventSources.uri(GcpNames.key(d.function().name())).code())
                .collect(Collectors.toCollection(ArrayList::new));
        if (OpenApiDocument.allowsCors(deliveries)) {
            variables.add(OpenApiDocument.MANAGED_SERVICE + " = "
                    + Tf.ref(Types.API, NAME, "managed_service").code());
        }
        c.resource(
                Types.API_CONFIG,
                NAME,
                Tf.map(
                        "provider", BETA,
                        "api", Tf.ref(Types.API, NAME, "api_id"),
                        "api_config_id_prefix", names.base(CONFIG_PREFIX_LENGTH) + "-",
                        "openapi_documents",
                                Tf.map(
                                        "document",
                                        Tf.map(
                                                "path",
                                                OpenApiDocument.FILE,
                                                "contents",
                                                Tf.expr("base64encode(templatefile(\"${path.module}/"
                                                        + OpenApiDocument.FILE + "\", { " + String.join(", ", variables)
                                                        + " }))"))),
                        "gateway_config",
                                Tf.map("backend_config", Tf.map("google_service_account", Iam.email(ACCOUNT))),
                        "lifecycle", Tf.map("create_before_destroy", true)));
        c.resource(
                Types.GATEWAY,
                NAME,
                Tf.map(
                        "provider", BETA,
                        "gateway_id", names.base(GATEWAY_ID_LENGTH),
                        "region", Variables.region(),
                        "api_config", Tf.ref(Types.API_CONFIG, NAME, "id"),
                        "display_name", "strato " + names.label()));
        if (routes(http).anyMatch(r -> r.auth().kind() == AuthKind.KEY)) {
            // API keys are checked against the API's own managed service, which must be enabled in the project.
            // The managed service exists (and can be enabled) only once a config of the API does.
            c.resource(
                    Types.PROJECT_SERVICE,
                    "strato_api_keys",
                    Tf.map(
                            "service", Tf.ref(Types.API, NAME, "managed_service"),
                            "disable_on_destroy", false,
                            "depends_on", List.of(Types.API_CONFIG + "." + NAME)));
        }
        c.output(
                "api_gateway_url",
                "base URL of every route through API Gateway",
                Tf.template("https://", Tf.ref(Types.GATEWAY, NAME, "default_hostname")));
    }

    private static Stream<Event.Http> routes(List<Delivery> deliveries) {
        return deliveries.stream().flatMap(d -> d.routes().stream());
    }
}
