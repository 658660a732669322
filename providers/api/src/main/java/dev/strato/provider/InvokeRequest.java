package dev.strato.provider;

import java.nio.file.Path;

/**
 * Invoke the function named {@code function} in strato.yml with {@code payload} (JSON bytes); {@code file} is
 * a file to upload for a function that bucket uploads trigger (null otherwise).
 */
public record InvokeRequest(String function, byte[] payload, boolean async, boolean log, Path file) {

    public InvokeRequest {
        payload = payload.clone();
    }

    public InvokeRequest(String function, byte[] payload, boolean async, boolean log) {
        this(function, payload, async, log, null);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
