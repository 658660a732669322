package dev.strato.model;

import java.util.ArrayList;
import java.util.List;

/** The provider blocks; a null block means the service does not target that cloud. */
public record Providers(Aws aws, Azure azure, Gcp gcp) {

    public record Aws(String region, AwsFormat format, String profile) {}

    public record Azure(String location, String resourceGroup, AzurePlan plan, AzureQueues queues) {}

    public record Gcp(String project, String region, GcpGateway gateway) {}

    /** The providers that have a block, in a fixed order. */
    public List<Provider> targeted() {
        List<Provider> list = new ArrayList<>();
        if (aws != null) list.add(Provider.AWS);
        if (azure != null) list.add(Provider.AZURE);
        if (gcp != null) list.add(Provider.GCP);
        return List.copyOf(list);
    }

    public boolean has(Provider p) {
        return targeted().contains(p);
    }
}
