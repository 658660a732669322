package dev.strato.generator;

/**
 * A generator could not render the service. Most refusals are about the model (a limit, a
 * combination a cloud cannot express): those name the model path they concern, when known, so
 * that {@code validate} reports them at their line and column. One caused by an I/O failure
 * (a source file is unreadable) has an {@link java.io.IOException} or
 * {@link java.io.UncheckedIOException} as its cause.
 */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    public GenerationException(String message) {
        this(null, message, null);
    }

    public GenerationException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /** @param path the model path the refusal is about, such as {@code functions.api.events[0]} (null: unknown) */
    public GenerationException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The model path the refusal concerns, or null when the generator did not say. */
    public String path() {
        return path;
    }

    /** Whether reading or writing failed, rather than the model being refused. */
    public boolean isIoFailure() {
        return getCause() instanceof java.io.IOException || getCause() instanceof java.io.UncheckedIOException;
    }
}
