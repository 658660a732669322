package dev.strato.importer;

import dev.strato.model.diag.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did with each item of the source: mapped (and to what), not mapped (why, and
 * the closest strato equivalent when there is one), or a note on how it was mapped.
 */
public final class Report {

    public enum Kind {
        MAPPED("mapped"),
        UNMAPPED("not mapped"),
        NOTE("note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param source the item's path in the source file ({@code functions.hello.events[0].http})
     * @param message what it became (mapped), why not (unmapped), or the note
     * @param closest the closest strato equivalent of an unmapped item, or null
     */
    public record Item(Kind kind, Position position, String source, String message, String closest) {

        /** {@code serverless.yml:12:7: not mapped: functions.a.events[1].websocket: reason (closest: http)}. */
        public String format() {
            String where = position.toString();
            return (where.isEmpty() ? "" : where + ": ") + kind.label() + ": " + (source.isEmpty() ? "" : source + ": ")
                    + message + (closest == null ? "" : " (closest strato equivalent: " + closest + ")");
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", position.line());
            m.put("column", position.column());
            m.put("source", source);
            m.put(kind == Kind.UNMAPPED ? "reason" : "message", message);
            if (kind == Kind.UNMAPPED) m.put("closest", closest);
            return m;
        }
    }

    private static final Comparator<Item> ORDER = Comparator.comparing(Item::position)
            .thenComparing(Item::kind)
            .thenComparing(Item::source)
            .thenComparing(Item::message);

    private final List<Item> items = new ArrayList<>();

    public void mapped(Position at, String source, String message) {
        add(new Item(Kind.MAPPED, at, source, message, null));
    }

    public void unmapped(Position at, String source, String reason, String closest) {
        add(new Item(Kind.UNMAPPED, at, source, reason, closest));
    }

    public void note(Position at, String source, String message) {
        add(new Item(Kind.NOTE, at, source, message, null));
    }

    private void add(Item item) {
        if (!items.contains(item)) items.add(item);
    }

    /** Every item, sorted by position. */
    public List<Item> items() {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(ORDER);
        return sorted;
    }

    public List<Item> items(Kind kind) {
        return items().stream().filter(i -> i.kind() == kind).toList();
    }

    /** The report as text, one line an item, sorted by position. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Item i : items()) b.append(i.format()).append('\n');
        return b.toString();
    }

    /** {@code mapped}, {@code unmapped} and {@code notes} lists, for JSON output. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mapped", items(Kind.MAPPED).stream().map(Item::json).toList());
        m.put("unmapped", items(Kind.UNMAPPED).stream().map(Item::json).toList());
        m.put("notes", items(Kind.NOTE).stream().map(Item::json).toList());
        return m;
    }
}
