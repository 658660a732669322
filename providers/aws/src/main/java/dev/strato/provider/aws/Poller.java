package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;

/** Pauses between polls: short at first (emulators and small stacks finish fast), growing to the settings' maximum. */
final class Poller {

    private final long maxMillis;
    private long nextMillis;

    Poller(ClientSettings settings) {
        this.nextMillis = settings.pollInterval().toMillis();
        this.maxMillis = settings.maxPollInterval().toMillis();
    }

    void pause() {
        try {
            Thread.sleep(nextMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted while waiting for CloudFormation");
        }
        nextMillis = Math.min(maxMillis, nextMillis * 3 / 2 + 1);
    }
}
