package dev.strato.provider;

/** Invoke the function named {@code function} in strato.yml with {@code payload} (JSON bytes). */
public record InvokeRequest(String function, byte[] payload, boolean async, boolean log) {

    public InvokeRequest {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
