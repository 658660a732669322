package dev.strato.provider;

import java.time.Instant;

/** One stack event: a resource (or the stack itself) changed status. */
public record StackEvent(Instant time, String logicalId, String type, String status, String reason) {

    public boolean failed() {
        return status != null && status.endsWith("_FAILED");
    }
}
