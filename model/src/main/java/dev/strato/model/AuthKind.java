package dev.strato.model;

public enum AuthKind implements Named {
    NONE, KEY, JWT;

    @Override
    public String toString() {
        return id();
    }
}
