package dev.strato.model;

public enum BucketAction implements Named {
    CREATED, DELETED;

    @Override
    public String toString() {
        return id();
    }
}
