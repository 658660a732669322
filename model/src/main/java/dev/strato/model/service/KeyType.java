package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum KeyType implements Named {
    STRING,
    NUMBER,
    BINARY;

    @Override
    public String toString() {
        return id();
    }
}
