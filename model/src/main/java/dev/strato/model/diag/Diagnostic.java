package dev.strato.model.diag;

import java.util.Comparator;
import java.util.Objects;

/** One problem found in a model, with where it is and which model path it concerns. */
public record Diagnostic(Severity severity, Position position, String path, String message) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::message);

    // equals and hashCode as a record defines them, written out: the generated ones bootstrap
    // method handles on first use, a measurable part of a cold start (docs/PERFORMANCE.md)
    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic d
                && severity == d.severity
                && Objects.equals(position, d.position)
                && Objects.equals(path, d.path)
                && Objects.equals(message, d.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, position, path, message);
    }

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
