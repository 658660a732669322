package dev.strato.model;

public enum AwsFormat implements Named {
    CLOUDFORMATION, SAM;

    @Override
    public String toString() {
        return id();
    }
}
