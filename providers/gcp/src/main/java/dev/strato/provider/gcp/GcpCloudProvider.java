package dev.strato.provider.gcp;

import dev.strato.model.providers.Provider;
import dev.strato.provider.CloudProvider;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.ServiceTarget;

/** Google Cloud: Infrastructure Manager (or terraform) applies main.tf.json; Cloud Functions, Pub/Sub, Storage and Cloud Logging. */
public final class GcpCloudProvider implements CloudProvider {

    @Override
    public Provider provider() {
        return Provider.GCP;
    }

    @Override
    public ProviderSession open(Connection connection, ServiceTarget target) {
        return new GcpSession(connection, target, ClientSettings.DEFAULT);
    }
}
