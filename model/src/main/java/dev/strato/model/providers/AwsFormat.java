package dev.strato.model.providers;

import dev.strato.model.support.Named;

public enum AwsFormat implements Named {
    CLOUDFORMATION,
    SAM;

    @Override
    public String toString() {
        return id();
    }
}
