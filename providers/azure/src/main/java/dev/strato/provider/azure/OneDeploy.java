package dev.strato.provider.azure;

import com.azure.core.http.HttpMethod;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Publishes app.zip to a Flex Consumption app through the one-deploy endpoint of its SCM site, the way
 * Microsoft documents for Flex ("managed package deployment",
 * learn.microsoft.com/azure/azure-functions/deployment-zip-push) and Azure CLI does it
 * ({@code az functionapp deployment source config-zip}: {@code POST /api/publish?RemoteBuild=..&Deployer=..}
 * with the zip, 202, then {@code GET /api/deployments/latest} until it is complete). The platform puts
 * the package in the deployment container and restarts the app; strato writes no blob for it.
 */
final class OneDeploy {

    static final String DEPLOYER = "strato";
    /** Kudu's DeployStatus: 3 Failed, 4 Success; 0 Pending, 1 Building, 2 Deploying before. */
    static final int FAILED = 3;

    static final int SUCCESS = 4;

    private final AzureClients clients;

    OneDeploy(AzureClients clients) {
        this.clients = clients;
    }

    /** The SCM host of the site: the {@code hostNameSslStates} entry of type Repository (Web Apps - Get). */
    static String scmHost(JsonNode site, String app) {
        for (JsonNode s : site.path("properties").path("hostNameSslStates")) {
            if ("Repository".equalsIgnoreCase(s.path("hostType").asString("")))
                return s.path("name").asString("");
        }
        for (JsonNode h : site.path("properties").path("enabledHostNames")) {
            if (h.asString("").contains(".scm.")) return h.asString("");
        }
        throw new ProviderException("function app " + app
                + " reports no SCM host name (hostNameSslStates of type Repository); one deploy needs it");
    }

    /** Sends the package, waits for the deployment to finish; a failed deployment throws with its message. */
    void publish(String scmHost, String app, byte[] zip, boolean remoteBuild, ProgressListener progress) {
        Arm scm = clients.scm();
        String base = "https://" + scmHost;
        String url = base + "/api/publish?RemoteBuild=" + remoteBuild + "&Deployer=" + DEPLOYER;
        progress.step("Publishing " + GeneratedStack.PACKAGE + " to " + app + " through one deploy"
                + (remoteBuild ? " with a remote build" : ""));
        progress.uploadStarted(1, zip.length);
        Arm.Response r = AzureErrors.call(
                "publish " + GeneratedStack.PACKAGE + " to " + app,
                () -> scm.sendUrl(HttpMethod.POST, url, zip, "application/zip"));
        if (r.status() == 409) {
            throw new ProviderException("could not publish " + GeneratedStack.PACKAGE + " to " + app
                    + ": another deployment is in progress (409); " + "wait for it (" + base
                    + "/api/deployments/latest) and deploy again");
        }
        if (r.status() >= 400) AzureErrors.run("publish " + GeneratedStack.PACKAGE + " to " + app, () -> Arm.ok(r));
        progress.uploaded(zip.length);
        progress.uploadFinished();
        String status = r.location() != null ? r.location() : base + "/api/deployments/latest";
        await(scm, status, app, r.retryAfter(), progress);
    }

    private void await(Arm scm, String statusUrl, String app, Duration first, ProgressListener progress) {
        ClientSettings settings = clients.settings();
        Instant deadline = Instant.now().plus(settings.operationTimeout());
        Duration wait = first;
        int last = -1;
        while (true) {
            scm.sleep(wait);
            Arm.Response s = AzureErrors.call(
                    "read the deployment status of " + app, () -> Arm.ok(scm.sendUrl(HttpMethod.GET, statusUrl, null)));
            JsonNode body = s.body();
            int status = body.path("status").asInt(-1);
            boolean complete = body.path("complete").asBoolean(false);
            if (status != last && status >= 0 && status < FAILED) progress.step("One deploy: " + text(body, status));
            last = status;
            if (status == SUCCESS) return;
            if (status == FAILED || complete) {
                String log = body.path("log_url").asString("");
                throw new ProviderException("one deploy of " + GeneratedStack.PACKAGE + " to " + app + " failed: "
                        + text(body, status) + (log.isEmpty() ? "" : " (log: " + log + ")"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ProviderException("one deploy of " + GeneratedStack.PACKAGE + " to " + app
                        + " did not finish within " + settings.operationTimeout() + "; see " + statusUrl);
            }
            wait = settings.pollInterval();
        }
    }

    private static String text(JsonNode body, int status) {
        String t = body.path("status_text").asString("");
        if (t.isBlank()) t = body.path("message").asString("");
        if (!t.isBlank()) return t.strip();
        return switch (status) {
            case 0 -> "pending";
            case 1 -> "building";
            case 2 -> "deploying";
            case FAILED -> "failed";
            default -> "status " + status;
        };
    }
}
