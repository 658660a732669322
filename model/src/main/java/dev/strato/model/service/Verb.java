package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum Verb implements Named {
    READ,
    WRITE,
    DELETE,
    SEND,
    RECEIVE,
    PUBLISH;

    @Override
    public String toString() {
        return id();
    }
}
