package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.Durations;
import dev.strato.model.Event;

/** Cloud Scheduler takes unix-cron only: a rate becomes the cron with exactly its period, when there is one. */
final class ScheduleCron {

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;

    private ScheduleCron() {}

    static String of(Event.Schedule s) throws GenerationException {
        if (s.cron() != null) return s.cron();
        long minutes = s.rate().toMinutes();
        if (minutes == 1) return "* * * * *";
        if (minutes < HOUR && HOUR % minutes == 0) return "*/" + minutes + " * * * *";
        if (minutes == HOUR) return "0 * * * *";
        if (minutes % HOUR == 0 && minutes < DAY && DAY % minutes == 0) return "0 */" + minutes / HOUR + " * * *";
        if (minutes == DAY) return "0 0 * * *";
        if (minutes == WEEK) return "0 0 * * 0";
        throw new GenerationException("schedule rate " + Durations.format(s.rate()) + " has no unix-cron form with exactly that period, which"
                + " Cloud Scheduler needs: write a cron, or a rate that divides an hour or a day evenly");
    }
}
