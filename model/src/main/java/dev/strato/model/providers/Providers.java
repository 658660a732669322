package dev.strato.model.providers;

import java.util.ArrayList;
import java.util.List;

/** The provider blocks; a null block means the service does not target that cloud. */
public record Providers(Aws aws, Azure azure, Gcp gcp) {

    public record Aws(String region, AwsFormat format, String profile) {}

    public record Azure(String location, String resourceGroup, AzurePlan plan, AzureQueues queues) {}

    /**
     * {@code engine} applies the configuration (null: Infrastructure Manager); {@code serviceAccount} is the
     * account Infrastructure Manager runs Terraform as (null: strato-deployer@PROJECT.iam.gserviceaccount.com).
     */
    public record Gcp(String project, String region, GcpGateway gateway, GcpEngine engine, String serviceAccount) {

        public Gcp(String project, String region, GcpGateway gateway) {
            this(project, region, gateway, GcpEngine.INFRA_MANAGER, null);
        }

        public Gcp {
            if (engine == null) engine = GcpEngine.INFRA_MANAGER;
        }
    }

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
