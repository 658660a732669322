package dev.strato.model;

public enum Architecture implements Named {
    ARM64, X86_64;

    @Override
    public String toString() {
        return id();
    }
}
