package dev.strato.provider.azure;

import java.time.Duration;

/**
 * How patient the clients are: the pipeline's retries (exponential backoff, honouring Retry-After on
 * 429 and 5xx, retrying dropped connections), the per-call response timeout, and how often and how
 * long deployments, what-if and other long-running operations are polled.
 */
record ClientSettings(
        int maxRetries,
        Duration baseDelay,
        Duration maxDelay,
        Duration responseTimeout,
        Duration pollInterval,
        Duration maxPollInterval,
        Duration operationTimeout,
        Duration warmupTimeout) {

    /**
     * ARM throttles per principal and region (429 with Retry-After); 6 retries with backoff up to 30 s
     * bound one call to about two minutes. Deployments of a whole app take minutes; an hour is the bound.
     */
    static final ClientSettings DEFAULT = new ClientSettings(
            6,
            Duration.ofMillis(800),
            Duration.ofSeconds(30),
            Duration.ofSeconds(90),
            Duration.ofSeconds(2),
            Duration.ofSeconds(15),
            Duration.ofMinutes(60),
            Duration.ofMinutes(3));
}
