package dev.strato.model.service;

import dev.strato.model.support.Named;

public enum HttpMethod implements Named {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE,
    HEAD,
    OPTIONS,
    ANY;

    @Override
    public String id() {
        return name();
    }

    @Override
    public String toString() {
        return id();
    }
}
