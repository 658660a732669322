package dev.strato.model.bind;

public record Field(String name, Type type, boolean required, String description) {

    public static Field required(String name, Type type, String description) {
        return new Field(name, type, true, description);
    }

    public static Field optional(String name, Type type, String description) {
        return new Field(name, type, false, description);
    }
}
