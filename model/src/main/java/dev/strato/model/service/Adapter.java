package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum Adapter implements Named {
    PORTABLE,
    NATIVE;

    @Override
    public String toString() {
        return id();
    }
}
