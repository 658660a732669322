package dev.strato.generator;

/** A generator could not render the service (for example, a source file is unreadable). */
public class GenerationException extends Exception {

    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
