package dev.strato.provider.azure;

import dev.strato.model.providers.Providers;
import dev.strato.provider.Connection;
import dev.strato.provider.ProviderException;
import dev.strato.provider.ServiceTarget;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the service lives on Azure: subscription, resource group, location, and the deterministic
 * name of its ARM deployment (one per stage, so redeploys update the same deployment record).
 * The CLI's {@code --subscription}, {@code --resource-group} and {@code --location} arrive as the
 * variables the Azure CLI itself reads: AZURE_SUBSCRIPTION_ID, AZURE_DEFAULTS_GROUP, AZURE_DEFAULTS_LOCATION.
 */
record AzureTarget(
        String subscription, String resourceGroup, String location, String deployment, String service, String stage) {

    static final String SUBSCRIPTION = "AZURE_SUBSCRIPTION_ID";
    static final String GROUP = "AZURE_DEFAULTS_GROUP";
    static final String LOCATION = "AZURE_DEFAULTS_LOCATION";

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources */
    private static final Pattern GROUP_NAME = Pattern.compile("[-\\w._()]{1,90}", Pattern.UNICODE_CHARACTER_CLASS);

    static AzureTarget of(Connection connection, ServiceTarget target) {
        Map<String, String> env = connection.environment();
        Providers.Azure azure = target.service().providers() == null
                ? null
                : target.service().providers().azure();
        String subscription = first(env.get(SUBSCRIPTION), null);
        if (subscription == null) {
            throw new ProviderException(
                    "no Azure subscription chosen: pass --subscription ID or set AZURE_SUBSCRIPTION_ID (see 'az account show --query id -o tsv')");
        }
        if (!GUID.matcher(subscription).matches()) {
            throw new ProviderException("--subscription '" + subscription
                    + "' is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)");
        }
        String service = target.service().name();
        String stage = target.service().stage();
        String group = first(env.get(GROUP), azure == null ? null : azure.resourceGroup());
        if (group == null) group = "rg-" + service + "-" + stage;
        if (!GROUP_NAME.matcher(group).matches() || group.endsWith(".")) {
            throw new ProviderException("resource group name '" + group
                    + "' is not valid: 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'");
        }
        String location = first(connection.region(), first(env.get(LOCATION), azure == null ? null : azure.location()));
        if (location == null)
            throw new ProviderException(
                    "no Azure location: set providers.azure.location in strato.yml or pass --location NAME");
        String deployment = ("strato-" + service + "-" + stage);
        if (deployment.length() > 64) deployment = deployment.substring(0, 64);
        return new AzureTarget(
                subscription,
                group,
                location.toLowerCase(java.util.Locale.ROOT).replace(" ", ""),
                deployment,
                service,
                stage);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b != null && !b.isBlank() ? b.strip() : null;
    }

    String groupPath() {
        return Arm.group(subscription, resourceGroup);
    }

    String deploymentPath() {
        return groupPath() + "/providers/Microsoft.Resources/deployments/" + deployment;
    }

    String sitePath(String app) {
        return groupPath() + "/providers/Microsoft.Web/sites/" + app;
    }
}
