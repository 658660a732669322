package dev.strato.provider;

import java.util.List;

/**
 * A failure the user can act on: its message is one line that says what happened and what to do;
 * {@link #details()} are lines to print before it (each failed resource, say).
 */
public class ProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> details;

    public ProviderException(String message) {
        this(message, List.of());
    }

    public ProviderException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
    }

    public List<String> details() {
        return details;
    }
}
