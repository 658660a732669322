package dev.strato.model;

public enum AzurePlan implements Named {
    FLEX, CONSUMPTION, PREMIUM;

    @Override
    public String toString() {
        return id();
    }
}
