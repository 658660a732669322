package dev.strato.provider.gcp;

import dev.strato.model.providers.GcpEngine;
import dev.strato.model.providers.Providers;
import dev.strato.model.service.Service;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import java.util.Locale;

/**
 * Where one command deploys: project and region (--project/--region, then providers.gcp, then the environment
 * gcloud and the client libraries read), the engine, and the names strato gives the deployment and its bucket.
 */
record GcpTarget(String project, String region, GcpEngine engine, String serviceAccount, String service, String stage) {

    static GcpTarget of(Connection connection, Service service) {
        Providers.Gcp gcp =
                service.providers() == null ? null : service.providers().gcp();
        String project = first(
                connection.project(),
                gcp == null ? null : gcp.project(),
                connection.environment().get("GOOGLE_CLOUD_PROJECT"),
                connection.environment().get("CLOUDSDK_CORE_PROJECT"));
        if (project == null) {
            throw new ProviderException(
                    "no Google Cloud project: pass --project ID, set providers.gcp.project in strato.yml, or set GOOGLE_CLOUD_PROJECT");
        }
        String region = first(
                connection.region(),
                gcp == null ? null : gcp.region(),
                connection.environment().get("CLOUDSDK_COMPUTE_REGION"));
        if (region == null)
            throw new ProviderException(
                    "no Google Cloud region: pass --region REGION or set providers.gcp.region in strato.yml");
        GcpEngine engine = gcp == null ? GcpEngine.INFRA_MANAGER : gcp.engine();
        String account = gcp == null || gcp.serviceAccount() == null
                ? "strato-deployer@" + project + ".iam.gserviceaccount.com"
                : gcp.serviceAccount();
        return new GcpTarget(project, region, engine, account, service.name(), service.stage());
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /** The Infrastructure Manager deployment id: {@code <service>-<stage>}, as the generated README names it. */
    String deploymentId() {
        return (service + "-" + stage).toLowerCase(Locale.ROOT);
    }

    String location() {
        return "projects/" + project + "/locations/" + region;
    }

    String deploymentName() {
        return location() + "/deployments/" + deploymentId();
    }

    /**
     * The stage's own bucket (configuration, packages, terraform state): private and uniform, made by strato before
     * the first apply, apart from the sources bucket the configuration manages. Bucket names are global and at most
     * 63 characters: a long name is cut and keeps a hash of the whole.
     */
    String stageBucket() {
        String full = (project + "-" + service + "-" + stage + "-strato")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
        if (full.length() <= 63) return full;
        String hash = Hashes.sha256(full).substring(0, 8);
        return full.substring(0, 63 - 9).replaceAll("-+$", "") + "-" + hash;
    }

    /** The folder of the configuration in the stage bucket. */
    String configPrefix() {
        return "config/";
    }
}
