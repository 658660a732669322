package dev.strato.model.diag;

import java.util.Comparator;

/** One problem found in a model, with where it is and which model path it concerns. */
public record Diagnostic(Severity severity, Position position, String path, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::position)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::message);

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code strato.yml:12:7: error: functions.api.memory: message}. */
    public String format() {
        String where = position.toString();
        String prefix = where.isEmpty() ? "" : where + ": ";
        String subject = path.isEmpty() ? "" : path + ": ";
        return prefix + severity.label() + ": " + subject + message;
    }
}
