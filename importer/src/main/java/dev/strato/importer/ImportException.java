package dev.strato.importer;

import dev.strato.model.diag.Position;

/** The input cannot be read as a service to import: not YAML/JSON, empty, or of no known format. */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Position position;

    public ImportException(Position position, String message) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }

    /** {@code file:line:col: error: message}. */
    public String format() {
        String where = position.toString();
        return (where.isEmpty() ? "" : where + ": ") + "error: " + getMessage();
    }
}
