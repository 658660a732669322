package dev.strato.model;

public enum Verb implements Named {
    READ, WRITE, DELETE, SEND, RECEIVE, PUBLISH;

    @Override
    public String toString() {
        return id();
    }
}
