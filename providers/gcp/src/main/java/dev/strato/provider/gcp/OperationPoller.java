package dev.strato.provider.gcp;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Follows a long-running operation (google.longrunning.Operation over REST) until {@code done}, reporting each new
 * step of its metadata, within a bound: past it the command stops waiting (the operation goes on) and says how to look.
 */
final class OperationPoller {

    private final GoogleRest rest;
    private final String service;
    private final ClientSettings settings;

    OperationPoller(GoogleRest rest, String service, ClientSettings settings) {
        this.rest = rest;
        this.service = service;
        this.settings = settings;
    }

    /** The finished operation (its {@code error} or {@code response} set). */
    JsonNode await(JsonNode operation, String what, ProgressListener progress) {
        long deadline = System.nanoTime() + settings.operationTimeout().toNanos();
        String lastStep = null;
        JsonNode op = operation;
        while (!op.path("done").asBoolean(false)) {
            String step = step(op);
            if (step != null && !Objects.equals(step, lastStep)) {
                progress.step(what + ": " + step);
                lastStep = step;
            }
            if (System.nanoTime() > deadline) {
                throw new ProviderException(what + " did not finish within " + human(settings.operationTimeout())
                        + "; it goes on in Google Cloud: follow it with" + " 'gcloud infra-manager operations describe "
                        + op.path("name").asString("") + "'");
            }
            sleep(settings.pollInterval());
            op = rest.get(service, "/v1/" + op.path("name").asString());
        }
        return op;
    }

    /** The step an Infrastructure Manager operation is at (RUNNING_TF_APPLY, …), readable. */
    static String step(JsonNode op) {
        JsonNode meta = op.path("metadata");
        for (String field : new String[] {"deploymentMetadata", "previewMetadata"}) {
            JsonNode s = meta.path(field).path("step");
            if (s.isString() && !s.asString().isEmpty())
                return s.asString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return null;
    }

    private static String human(Duration d) {
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for an operation (it goes on in Google Cloud)");
        }
    }
}
