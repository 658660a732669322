package dev.strato.model.validate;

import dev.strato.model.providers.GcpGateway;
import dev.strato.model.providers.GcpRegions;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Event;
import dev.strato.model.support.Suggestions;

/** What the GCP configuration cannot apply, reported at its place instead of failing in Terraform. */
final class GcpChecks {

    static final String API_GATEWAY = "apigateway";

    private final Context c;

    GcpChecks(Context c) {
        this.c = c;
    }

    void run() {
        Providers.Gcp gcp = c.service().providers().gcp();
        if (!c.providers().contains(Provider.GCP) || gcp == null) return;
        gatewayRegion(gcp);
    }

    /** API Gateway exists in a few regions only, and its gateway goes to the configuration's region. */
    private void gatewayRegion(Providers.Gcp gcp) {
        if (gcp.gateway() != GcpGateway.API_GATEWAY || gcp.region() == null) return;
        boolean routes = c.service().functions().values().stream()
                .anyMatch(f -> f.events().stream().anyMatch(Event.Http.class::isInstance));
        var regions = GcpRegions.of(API_GATEWAY);
        if (!routes || regions.contains(gcp.region())) return;
        String at = c.sources().has("providers.gcp.region") ? "providers.gcp.region" : "providers.gcp";
        c.error(
                at,
                "region " + gcp.region() + " has no API Gateway (gateway: api-gateway), which exists in "
                        + String.join(", ", regions) + Suggestions.didYouMean(gcp.region(), regions)
                        + ": choose one of them, or drop the gateway (see " + GcpRegions.source(API_GATEWAY) + ")");
    }
}
