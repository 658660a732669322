package dev.strato.provider.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Waits until the app's host has created the system keys that the Event Grid subscriptions' webhook
 * URLs carry (blobs_extension for blob triggers: learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#event-grid-endpoint).
 * The host creates them when it starts with the new package, so the app is warmed with a request
 * and the keys (web-apps/list-host-keys) are polled with backoff, up to a bound.
 */
final class HostKeys {

    private final AzureClients clients;
    private final AzureTarget target;

    HostKeys(AzureClients clients, AzureTarget target) {
        this.clients = clients;
        this.target = target;
    }

    void await(DeployedApp app, Set<String> needed, ProgressListener progress) {
        if (needed.isEmpty()) return;
        Arm arm = clients.arm();
        String site = target.sitePath(app.functionApp());
        JsonNode siteJson =
                AzureErrors.call("read function app " + app.functionApp(), () -> arm.get(site, Arm.WEB_API));
        String host = siteJson.path("properties").path("defaultHostName").asString(null);
        progress.step("Waiting for " + app.functionApp() + " to start and create its host key"
                + (needed.size() == 1 ? " " : "s ") + String.join(", ", needed)
                + " (Event Grid calls the function when it subscribes)");
        ClientSettings settings = clients.settings();
        Instant deadline = Instant.now().plus(settings.warmupTimeout());
        Duration delay = settings.pollInterval();
        while (true) {
            if (host != null) warm(host);
            Set<String> missing = missing(arm, site, needed);
            if (missing.isEmpty()) return;
            if (Instant.now().isAfter(deadline)) {
                throw new ProviderException(
                        "the host of " + app.functionApp() + " has not created " + String.join(", ", missing)
                                + " within " + settings.warmupTimeout().toSeconds()
                                + " s, so the Event Grid subscriptions are not deployed yet; check the app's logs, then run 'strato deploy' again");
            }
            arm.sleep(delay);
            delay = delay.multipliedBy(2).compareTo(settings.maxPollInterval()) > 0
                    ? settings.maxPollInterval()
                    : delay.multipliedBy(2);
        }
    }

    private static Set<String> missing(Arm arm, String site, Set<String> needed) {
        Set<String> missing = new TreeSet<>(needed);
        try {
            JsonNode keys = arm.post(site + "/host/default/listkeys", Arm.WEB_API, null);
            missing.removeIf(k -> !keys.path("systemKeys").path(k).asString("").isEmpty());
        } catch (ArmException e) {
            if (e.status() == 401 || e.status() == 403) throw AzureErrors.translate("read the host keys", e);
            // the host is still starting (ARM answers 400/409/5xx meanwhile): not ready
        }
        return missing;
    }

    /** A request to the app starts its host (the answer does not matter). */
    private void warm(String host) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, "https://" + host + "/");
        try (HttpResponse ignored = clients.plain().sendSync(request, Context.NONE)) {
            // started or starting
        } catch (RuntimeException e) {
            // a cold host may not answer yet; the keys say when it is up
        }
    }
}
