package dev.strato.model.support;

import java.util.Locale;

/** How neutral names become cloud resource names. */
public final class Names {

    private Names() {}

    /** {@code paymentRequests} → {@code payment-requests}; {@code user_data} → {@code user-data}. */
    public static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }
}
