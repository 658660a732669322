package dev.strato.generator.aws;

import dev.strato.generator.schedule.DaysOfWeek;
import dev.strato.model.service.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * EventBridge schedule expressions: {@code rate(5 minutes)}, and 5-field unix cron turned into
 * AWS's 6 fields ({@code minute hour day-of-month month day-of-week year}), where one of the two
 * day fields must be {@code ?} and days of the week count 1 (Sunday) to 7, not 0 to 6.
 */
final class ScheduleExpression {

    private ScheduleExpression() {}

    static String of(Event.Schedule s) {
        return s.cron() != null ? cron(s.cron()) : rate(s.rate());
    }

    static String rate(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 1440 == 0) return plural(minutes / 1440, "day");
        if (minutes % 60 == 0) return plural(minutes / 60, "hour");
        return plural(minutes, "minute");
    }

    private static String plural(long n, String unit) {
        return "rate(" + n + " " + unit + (n == 1 ? "" : "s") + ")";
    }

    static String cron(String unix) {
        String[] f = unix.strip().split("\\s+");
        if (f.length != 5) throw new IllegalArgumentException("not a 5-field cron: " + unix);
        String minute = steps(f[0], "0");
        String hour = steps(f[1], "0");
        String dayOfMonth = steps(f[2], "1");
        String month = steps(f[3], "1").toUpperCase(Locale.ROOT);
        String dayOfWeek = f[4].equals("*") ? "*" : daysOfWeek(f[4]);
        if (dayOfWeek.equals("*")) dayOfWeek = "?";
        else if (dayOfMonth.equals("*")) dayOfMonth = "?";
        else throw new IllegalArgumentException("cron '" + unix + "' restricts both day-of-month and day-of-week");
        return "cron(" + String.join(" ", minute, hour, dayOfMonth, month, dayOfWeek, "*") + ")";
    }

    /** {@code *}{@code /15} → {@code 0/15}: AWS wants a start value before the step. */
    private static String steps(String field, String start) {
        return field.replace("*/", start + "/");
    }

    /** Unix days (0-7, names, ranges, lists, steps) as the AWS list of days 1-7, or {@code *} for every day. */
    private static String daysOfWeek(String field) {
        SortedSet<Integer> days = DaysOfWeek.of(field);
        if (days.size() == 7) return "*";
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int d : days) {
            if (start == null) {
                start = d;
            } else if (d != prev + 1) {
                parts.add(span(start, prev));
                start = d;
            }
            prev = d;
        }
        parts.add(span(start, prev));
        return String.join(",", parts);
    }

    private static String span(int from, int to) {
        return from == to ? String.valueOf(from + 1) : (from + 1) + "-" + (to + 1);
    }
}
