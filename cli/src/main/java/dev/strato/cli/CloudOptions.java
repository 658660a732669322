package dev.strato.cli;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the cloud commands connect: region, profile and an emulator's endpoint. */
public final class CloudOptions {

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Cloud region (default: providers.<cloud>.region, then AWS_REGION).")
    String region;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "Credentials profile (default: the environment's credentials, then AWS_PROFILE).")
    String profile;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "Send every call to this endpoint (an emulator such as moto).")
    URI endpoint;

    @Option(
            names = "--project",
            paramLabel = "ID",
            description = "Google Cloud project (default: providers.gcp.project, then GOOGLE_CLOUD_PROJECT).")
    String project;

    @Option(
            names = "--subscription",
            paramLabel = "ID",
            description = "Azure subscription (default: AZURE_SUBSCRIPTION_ID).")
    String subscription;

    @Option(
            names = "--resource-group",
            paramLabel = "NAME",
            description = "Azure resource group (default: providers.azure.resourceGroup, then rg-<service>-<stage>).")
    String resourceGroup;

    @Option(
            names = "--location",
            paramLabel = "NAME",
            description = "Azure location (default: providers.azure.location); --region says the same.")
    String location;

    /** The region, or for Azure the location: the same notion. */
    String region() {
        return region != null ? region : location;
    }

    /**
     * The command's environment with the Azure choices as the variables the Azure CLI reads
     * (AZURE_SUBSCRIPTION_ID, AZURE_DEFAULTS_GROUP, AZURE_DEFAULTS_LOCATION), so that the provider API stays cloud-neutral.
     */
    java.util.Map<String, String> environment(java.util.Map<String, String> variables) {
        java.util.Map<String, String> env = new java.util.HashMap<>(variables);
        if (subscription != null) env.put("AZURE_SUBSCRIPTION_ID", subscription);
        if (resourceGroup != null) env.put("AZURE_DEFAULTS_GROUP", resourceGroup);
        if (location != null) env.put("AZURE_DEFAULTS_LOCATION", location);
        return env;
    }
}
