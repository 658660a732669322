package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.schedule.DaysOfWeek;
import dev.strato.model.service.Event;
import dev.strato.model.support.Durations;
import dev.strato.model.support.UnixCron;
import java.time.Duration;
import java.util.SortedSet;

/**
 * Timer trigger schedules: NCRONTAB with a seconds field first
 * ({@code second minute hour day month day-of-week}, functions-bindings-timer#ncrontab-expressions).
 * A 5-field unix cron gets second 0 and its days of the week as 0-6 (unix also allows 7 for
 * Sunday). A rate becomes the model's cron of exactly that period with second 0 (every 5 minutes
 * is {@code 0 *}{@code /5 * * * *}), or a step of seconds.
 * TimeSpan schedules would take any rate but run only on App Service plans, so a rate no step
 * can express (90 minutes, 2 days) is an error.
 */
final class Ncrontab {

    private Ncrontab() {}

    static String of(Event.Schedule s) throws GenerationException {
        return s.cron() != null ? cron(s.cron()) : rate(s.rate());
    }

    static String cron(String unix) throws GenerationException {
        String[] f = unix.strip().split("\\s+");
        if (f.length != 5) throw new GenerationException("schedule '" + unix + "' is not a 5-field cron");
        if (!f[2].equals("*") && !f[4].equals("*")) {
            throw new GenerationException("schedule '" + unix
                    + "' restricts both day of month and day of week: unix cron runs when either matches,"
                    + " NCRONTAB only when both do; write two schedules");
        }
        return String.join(" ", "0", f[0], f[1], f[2], f[3], f[4].equals("*") ? "*" : daysOfWeek(f[4], unix));
    }

    static String rate(Duration d) throws GenerationException {
        long seconds = d.toSeconds();
        if (d.toMillis() % 1000 == 0 && seconds > 0 && seconds < 60 && 60 % seconds == 0)
            return "*/" + seconds + " * * * * *";
        return "0 "
                + UnixCron.ofRate(d)
                        .orElseThrow(
                                () -> new GenerationException(
                                        "schedule rate " + Durations.format(d)
                                                + " has no NCRONTAB form on Azure: use a rate that divides a minute, an hour or a day, or a cron"));
    }

    /** The field's days as a list of 0-6, or {@code *} for every day. */
    private static String daysOfWeek(String field, String unix) throws GenerationException {
        SortedSet<Integer> days;
        try {
            days = DaysOfWeek.of(field);
        } catch (IllegalArgumentException e) {
            throw new GenerationException("schedule '" + unix + "': " + e.getMessage(), e);
        }
        if (days.size() == 7) return "*";
        return String.join(",", days.stream().map(String::valueOf).toList());
    }
}
