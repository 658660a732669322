package dev.strato.model;

public enum KeyType implements Named {
    STRING, NUMBER, BINARY;

    @Override
    public String toString() {
        return id();
    }
}
