package dev.strato.provider.azure;

import dev.strato.model.providers.Provider;
import dev.strato.provider.CloudProvider;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.ServiceTarget;

/** Azure: ARM deployments and what-if, the app package in Blob Storage, the Functions host, Log Analytics. */
public final class AzureCloudProvider implements CloudProvider {

    @Override
    public Provider provider() {
        return Provider.AZURE;
    }

    @Override
    public ProviderSession open(Connection connection, ServiceTarget target) {
        return new AzureSession(connection, target, ClientSettings.DEFAULT);
    }
}
