package dev.strato.generator.azure;

import dev.strato.model.service.Function;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code host.json} (functions-host-json): version 2.0, the extension bundle [4.*, 5.0.0) that
 * Flex Consumption requires of non-.NET apps, logging to Application Insights (every category at
 * Information: {@code Host.Results} above it would drop the request telemetry, configure-monitoring),
 * routes without the
 * {@code api/} prefix (the paths of strato.yml), the longest function timeout (the host has one
 * for the whole app), the trigger extensions' batch and dequeue settings (Storage queues retry a
 * message {@code maxDequeueCount} times, app-wide), and the custom handler's executable. Retry
 * policies go into each function.json: Microsoft configures them per function, for timer and
 * Cosmos DB triggers (functions-bindings-error-pages#retries).
 */
final class HostJson {

    static final String BUNDLE = "Microsoft.Azure.Functions.ExtensionBundle";
    static final String BUNDLE_VERSION = "[4.*, 5.0.0)";
    /** The largest timeout host.json's hh:mm:ss takes; past it the timeout is -1 (none). */
    private static final Duration LONGEST = Duration.ofHours(24).minusSeconds(1);

    private final AzureRuntime runtime;
    private Duration timeout = Duration.ZERO;
    private int serviceBusBatch;
    private int queueBatch;
    private int queueDequeueCount;
    private String executable;

    HostJson(AzureRuntime runtime) {
        this.runtime = runtime;
    }

    void function(Function f) {
        if (f.timeout().compareTo(timeout) > 0) timeout = f.timeout();
    }

    void serviceBusBatch(int size) {
        serviceBusBatch = Math.max(serviceBusBatch, size);
    }

    void storageQueue(int batchSize, int dequeueCount) {
        queueBatch = Math.max(queueBatch, batchSize);
        queueDequeueCount = Math.max(queueDequeueCount, dequeueCount);
    }

    void customHandler(String executablePath) {
        executable = executablePath;
    }

    static Map<String, Object> retryPolicy(int count) {
        return Arm.map(
                "strategy",
                "exponentialBackoff",
                "maxRetryCount",
                count,
                "minimumInterval",
                "00:00:05",
                "maximumInterval",
                "00:15:00");
    }

    Map<String, Object> tree() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("http", Arm.map("routePrefix", ""));
        if (serviceBusBatch > 1) extensions.put("serviceBus", Arm.map("maxMessageBatchSize", serviceBusBatch));
        if (queueBatch > 0)
            extensions.put("queues", Arm.map("batchSize", queueBatch, "maxDequeueCount", queueDequeueCount));
        return Arm.map(
                "version",
                "2.0",
                "functionTimeout",
                timeout(),
                "logging",
                Arm.map(
                        "logLevel", Arm.map("default", "Information"),
                        "applicationInsights",
                                Arm.map("samplingSettings", Arm.map("isEnabled", true, "excludedTypes", "Request"))),
                "extensionBundle",
                runtime.usesExtensionBundle() ? Arm.map("id", BUNDLE, "version", BUNDLE_VERSION) : null,
                "extensions",
                extensions,
                "customHandler",
                executable == null
                        ? null
                        : Arm.map(
                                "description",
                                Arm.map(
                                        "defaultExecutablePath",
                                        executable,
                                        "workingDirectory",
                                        "",
                                        "arguments",
                                        List.of()),
                                "enableForwardingHttpRequest",
                                false));
    }

    private String timeout() {
        if (timeout.compareTo(LONGEST) > 0) return "-1";
        long s = (timeout.toMillis() + 999) / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }
}
