package dev.strato.provider.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DefaultAzureCredential} (environment service principal, workload identity federation such as
 * GitHub Actions OIDC, managed identity, Azure CLI, ...) reading the command's own environment: the SDK
 * reads the process environment by default, and in-process runs (tests, embedding) pass another.
 */
final class Credentials {

    /** Environment variables that choose or feed the chain; documented by azure-identity. */
    static final String TOKEN_CREDENTIALS = "AZURE_TOKEN_CREDENTIALS";

    private Credentials() {}

    /**
     * With an endpoint override (an emulator or a test double) only the environment's service principal is
     * tried unless {@code AZURE_TOKEN_CREDENTIALS} says otherwise: managed identity would probe the
     * instance metadata address, and a CLI login holds tokens for the real cloud.
     */
    static TokenCredential credential(Map<String, String> environment, HttpClient http, boolean endpointOverride) {
        Map<String, String> env = new HashMap<>(environment);
        if (endpointOverride) env.putIfAbsent(TOKEN_CREDENTIALS, "EnvironmentCredential");
        ConfigurationSource empty = prefix -> Map.of();
        ConfigurationSource source = prefix -> env;
        Configuration configuration = new ConfigurationBuilder(empty, empty, source).build();
        DefaultAzureCredentialBuilder builder =
                new DefaultAzureCredentialBuilder().configuration(configuration).httpClient(http);
        String authority = env.get("AZURE_AUTHORITY_HOST");
        if (authority != null && !authority.isBlank()) builder.authorityHost(authority);
        if (endpointOverride) builder.disableInstanceDiscovery();
        String tenant = env.get("AZURE_TENANT_ID");
        if (tenant != null && !tenant.isBlank()) builder.tenantId(tenant);
        return builder.build();
    }

    /** One line: how to sign in, at a terminal and in CI. */
    static String missing() {
        return "no Azure credentials found: run 'az login' (then 'az account set --subscription ID'), or set AZURE_TENANT_ID and AZURE_CLIENT_ID"
                + " with AZURE_CLIENT_SECRET (service principal) or AZURE_FEDERATED_TOKEN_FILE (workload identity, e.g. GitHub Actions OIDC via azure/login)";
    }

    static String rejected(String reason) {
        return "Azure rejected the credentials (" + reason
                + "): sign in again with 'az login', or renew the service principal's secret"
                + " or federated credential that AZURE_CLIENT_ID names";
    }
}
