package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum Architecture implements Named {
    ARM64,
    X86_64;

    @Override
    public String toString() {
        return id();
    }
}
