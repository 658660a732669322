package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum AuthKind implements Named {
    NONE,
    KEY,
    JWT;

    @Override
    public String toString() {
        return id();
    }
}
