package dev.strato.model.providers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public enum Provider {
    AWS,
    AZURE,
    GCP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Provider::id).toList();
    }

    @Override
    public String toString() {
        return id();
    }
}
