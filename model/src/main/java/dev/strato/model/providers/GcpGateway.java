package dev.strato.model.providers;

import dev.strato.model.support.Named;

/** How GCP serves HTTP routes: one URL per function (none) or one base URL through API Gateway. */
public enum GcpGateway implements Named {
    NONE,
    API_GATEWAY;

    @Override
    public String id() {
        return this == API_GATEWAY ? "api-gateway" : "none";
    }

    @Override
    public String toString() {
        return id();
    }
}
