package dev.strato.provider.gcp;

import java.time.Duration;

/**
 * How hard the clients try: attempts and backoff for 429/5xx and dropped connections, how often and how long a
 * long-running operation is polled, and how long a step that waits for IAM propagation is retried.
 */
record ClientSettings(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration pollInterval,
        Duration operationTimeout,
        int iamAttempts,
        Duration iamBackoff) {

    static final ClientSettings DEFAULT = new ClientSettings(
            6,
            Duration.ofMillis(500),
            Duration.ofSeconds(16),
            Duration.ofSeconds(5),
            Duration.ofMinutes(60),
            4,
            Duration.ofSeconds(30));

    /** The backoff before attempt {@code attempt} (from 2): doubling from the initial one, capped. */
    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 2));
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
