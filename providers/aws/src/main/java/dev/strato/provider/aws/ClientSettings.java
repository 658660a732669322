package dev.strato.provider.aws;

import java.time.Duration;

/**
 * How patient the clients are: SDK retries (standard strategy, bounded attempts, exponential
 * backoff with jitter), per-attempt timeout, and how often and how long stack operations are polled.
 */
record ClientSettings(
        int maxAttempts,
        Duration baseDelay,
        Duration maxBackoff,
        Duration attemptTimeout,
        Duration pollInterval,
        Duration maxPollInterval,
        Duration inProgressTimeout,
        int uploadThreads) {

    /** Throttling and 5xx bursts of a busy account clear within seconds; 8 attempts with backoff up to 10 s ride them out. */
    static final ClientSettings DEFAULT = new ClientSettings(
            8,
            Duration.ofMillis(200),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            Duration.ofMinutes(60),
            4);
}
