package dev.strato.model.diag;

import java.util.Objects;

/** A place in a source file; line and column are 1-based. */
public record Position(String file, int line, int column) implements Comparable<Position> {

    public static final Position NONE = new Position("", 0, 0);

    public Position shifted(int columns) {
        return new Position(file, line, column + columns);
    }

    // equals and hashCode as a record defines them, written out (see Diagnostic)
    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && line == p.line && column == p.column && Objects.equals(file, p.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line, column);
    }

    @Override
    public int compareTo(Position o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
