package dev.strato.model.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects every problem of a run instead of stopping at the first. */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void error(Position at, String path, String message) {
        items.add(new Diagnostic(Severity.ERROR, at, path, message));
    }

    public void warning(Position at, String path, String message) {
        items.add(new Diagnostic(Severity.WARNING, at, path, message));
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(Diagnostics other) {
        items.addAll(other.items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) items.stream().filter(Diagnostic::isError).count();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** All diagnostics, sorted by file, line, column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(items);
        list.sort(Diagnostic.ORDER);
        return list;
    }
}
