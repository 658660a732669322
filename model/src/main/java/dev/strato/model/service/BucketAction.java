package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum BucketAction implements Named {
    CREATED,
    DELETED;

    @Override
    public String toString() {
        return id();
    }
}
