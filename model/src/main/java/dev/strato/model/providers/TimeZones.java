package dev.strato.model.providers;

import dev.strato.model.support.Suggestions;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zone names schedules take: exactly the tz database's zone and link names
 * ({@code timezones.tsv}, from tzdata 2025b; see DATA-SOURCES.md), as Cloud Scheduler requires. Offsets
 * such as {@code +02:00}, {@code Z} and {@code GMT+2}, which java.time would accept, are not among
 * them; {@code EST}, which java.time rejects, is.
 */
public final class TimeZones {

    private static final Set<String> NAMES = load();
    /** {@code Z}, {@code +02:00}, {@code -0530}, {@code GMT+2}, {@code UTC-3}, {@code UTC}. */
    private static final Pattern OFFSET = Pattern.compile("(?i)(Z|UTC|GMT|UT)?(?:([+-])(\\d{1,2})(?::?(\\d{2}))?)?");

    private TimeZones() {}

    private static Set<String> load() {
        Set<String> names = new TreeSet<>();
        for (String[] row : Tsv.read("timezones.tsv", 1)) names.add(row[0]);
        return Set.copyOf(names);
    }

    public static boolean isName(String zone) {
        return zone != null && NAMES.contains(zone);
    }

    public static Set<String> names() {
        return NAMES;
    }

    /**
     * What to write instead of a zone that is no tz name: for a whole-hour offset its fixed
     * {@code Etc/GMT} zone (whose sign is inverted, as POSIX has it), else the closest name.
     */
    public static String hint(String zone) {
        Matcher m = OFFSET.matcher(zone);
        if (m.matches()) {
            int hours = m.group(2) == null ? 0 : Integer.parseInt(m.group(3));
            boolean whole = m.group(4) == null || Integer.parseInt(m.group(4)) == 0;
            if (hours == 0 && whole) return " (did you mean 'UTC'?)";
            if (whole && hours <= 14) {
                String name = "Etc/GMT" + (m.group(2).equals("+") ? "-" : "+") + hours;
                if (NAMES.contains(name))
                    return " (did you mean '" + name + "'? tz database offsets have the inverted sign)";
            }
            return " (a fixed offset has no tz name unless it is whole hours: name the place, such as Asia/Kolkata)";
        }
        return Suggestions.didYouMean(zone, NAMES);
    }
}
