package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.Event;
import dev.strato.model.support.Durations;
import dev.strato.model.support.UnixCron;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud Scheduler takes unix-cron only: a rate becomes the cron with exactly its period, when there
 * is one. Month and weekday names become their numbers (JAN is 1, SUN is 0): Scheduler documents
 * only upper-case names, which the model's cron also takes in lower case.
 */
final class ScheduleCron {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern NAME = Pattern.compile("[A-Za-z]{3}");

    private ScheduleCron() {}

    static String of(Event.Schedule s) throws GenerationException {
        if (s.cron() != null) return numbered(s.cron());
        return UnixCron.ofRate(s.rate())
                .orElseThrow(
                        () -> new GenerationException(
                                "schedule rate " + Durations.format(s.rate())
                                        + " has no unix-cron form with exactly that period, which Cloud Scheduler needs: write a cron, or a rate that divides an hour or a day evenly"));
    }

    /** The cron with names in its month and day-of-week fields written as numbers. */
    static String numbered(String cron) {
        String[] fields = cron.strip().split("\\s+");
        if (fields.length != 5) return cron.strip();
        fields[3] = replace(fields[3], MONTHS, 1);
        fields[4] = replace(fields[4], DAYS, 0);
        return String.join(" ", fields);
    }

    private static String replace(String field, List<String> names, int first) {
        Matcher m = NAME.matcher(field);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int i = names.indexOf(m.group().toUpperCase(Locale.ROOT));
            m.appendReplacement(b, i < 0 ? m.group() : String.valueOf(i + first));
        }
        m.appendTail(b);
        return b.toString();
    }
}
