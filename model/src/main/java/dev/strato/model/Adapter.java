package dev.strato.model;

public enum Adapter implements Named {
    PORTABLE, NATIVE;

    @Override
    public String toString() {
        return id();
    }
}
