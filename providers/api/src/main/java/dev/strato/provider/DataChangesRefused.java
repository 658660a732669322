package dev.strato.provider;

import java.util.List;

/**
 * A deploy stopped before executing because its change set deletes or replaces stored data (a
 * table, a bucket, a queue) and the caller did not allow it; nothing was changed and the change
 * set was deleted. {@link #rows()} are the rows in question.
 */
public class DataChangesRefused extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final transient List<ResourceChange> rows;

    public DataChangesRefused(String message, List<ResourceChange> rows, List<String> details) {
        super(message, details);
        this.rows = List.copyOf(rows);
    }

    public List<ResourceChange> rows() {
        return rows;
    }
}
