package dev.strato.provider;

import dev.strato.model.providers.Provider;

/** A cloud's deploy/inspect/invoke client, found with {@link java.util.ServiceLoader} so that the CLI never links a cloud SDK. */
public interface CloudProvider {

    Provider provider();

    /** A session for one command; clients are created on first use and closed with the session. */
    ProviderSession open(Connection connection, ServiceTarget target);
}
