package dev.strato.generator.schedule;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/** The day-of-week field of a 5-field unix cron, which each cloud writes differently. */
public final class DaysOfWeek {

    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private DaysOfWeek() {}

    /**
     * The days a day-of-week field names, as 0 (Sunday) to 6: numbers 0-7 (7 is Sunday too),
     * names, ranges (also across the week's end), lists and steps.
     *
     * @throws IllegalArgumentException when the field names no day
     */
    public static SortedSet<Integer> of(String field) {
        TreeSet<Integer> days = new TreeSet<>();
        for (String part : field.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = 0;
                to = 6;
            } else if (range.contains("-")) {
                from = day(range.substring(0, range.indexOf('-')));
                to = day(range.substring(range.indexOf('-') + 1));
            } else {
                from = day(range);
                to = slash >= 0 ? 6 : from;
            }
            if (to < from) to += 7;
            for (int d = from; d <= to; d += step) days.add(d % 7);
        }
        return days;
    }

    private static int day(String text) {
        int i = DAYS.indexOf(text.toUpperCase(Locale.ROOT));
        if (i >= 0) return i;
        int n = number(text);
        if (n < 0 || n > 7) throw new IllegalArgumentException("day of week " + text);
        return n;
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day of the week", e);
        }
    }
}
