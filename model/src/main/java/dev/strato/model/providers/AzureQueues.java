package dev.strato.model.providers;

import dev.strato.model.support.Named;

/** Which Azure service carries strato queues: Service Bus (default) or Storage queues. */
public enum AzureQueues implements Named {
    SERVICEBUS,
    STORAGE;

    @Override
    public String toString() {
        return id();
    }
}
