package dev.strato.model.providers;

import dev.strato.model.support.Named;

public enum AzurePlan implements Named {
    FLEX,
    CONSUMPTION,
    PREMIUM;

    @Override
    public String toString() {
        return id();
    }
}
