package dev.strato.model.support;

import java.time.Duration;
import java.util.Optional;

/** A schedule rate as a unix cron with exactly that period, for clouds whose schedulers take cron only. */
public final class UnixCron {

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;

    private UnixCron() {}

    /** Empty when no 5-field cron fires at exactly this period (90m, 2d): cron fields restart each hour, day or month. */
    public static Optional<String> ofRate(Duration rate) {
        long minutes = rate.toMinutes();
        if (minutes < 1 || rate.toSeconds() % 60 != 0) return Optional.empty();
        if (minutes == 1) return Optional.of("* * * * *");
        if (minutes < HOUR && HOUR % minutes == 0) return Optional.of("*/" + minutes + " * * * *");
        if (minutes == HOUR) return Optional.of("0 * * * *");
        if (minutes % HOUR == 0 && minutes < DAY && DAY % minutes == 0)
            return Optional.of("0 */" + minutes / HOUR + " * * *");
        if (minutes == DAY) return Optional.of("0 0 * * *");
        if (minutes == WEEK) return Optional.of("0 0 * * 0");
        return Optional.empty();
    }
}
