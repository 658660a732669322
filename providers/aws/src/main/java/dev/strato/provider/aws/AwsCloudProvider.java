package dev.strato.provider.aws;

import dev.strato.model.providers.Provider;
import dev.strato.provider.CloudProvider;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderSession;
import dev.strato.provider.ServiceTarget;

/** AWS: CloudFormation change sets, S3 artifacts, Lambda and CloudWatch Logs. */
public final class AwsCloudProvider implements CloudProvider {

    @Override
    public Provider provider() {
        return Provider.AWS;
    }

    @Override
    public ProviderSession open(Connection connection, ServiceTarget target) {
        return new AwsSession(connection, target, ClientSettings.DEFAULT);
    }
}
