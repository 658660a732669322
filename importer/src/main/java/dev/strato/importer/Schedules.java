package dev.strato.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS schedule expressions, {@code rate(5 minutes)} and 6-field {@code cron(...)}, as strato's rate and 5-field unix cron. */
final class Schedules {

    /** Either {@code cron} or {@code rate} is set, or {@code error} says why neither could be. */
    record Converted(String cron, String rate, String error) {
        static Converted failed(String error) {
            return new Converted(null, null, error);
        }
    }

    private static final Pattern RATE = Pattern.compile(
            "rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final int[] MAX = {59, 23, 31, 12, 6};
    private static final String[] FIELDS = {"minutes", "hours", "day-of-month", "month", "day-of-week"};

    private Schedules() {}

    static Converted convert(String expression) {
        String e = expression.strip();
        Matcher m = RATE.matcher(e);
        if (m.matches()) {
            String unit = m.group(2).toLowerCase(Locale.ROOT).substring(0, 1);
            return new Converted(null, Long.parseLong(m.group(1)) + unit, null);
        }
        m = CRON.matcher(e);
        if (!m.matches()) return Converted.failed("'" + e + "' is neither rate(...) nor cron(...)");
        String[] f = m.group(1).strip().split("\\s+");
        if (f.length != 6)
            return Converted.failed(
                    "AWS cron takes 6 fields (minutes hours day-of-month month day-of-week year), found " + f.length);
        if (!f[5].equals("*"))
            return Converted.failed("the year field '" + f[5] + "' has no unix-cron equivalent (only *)");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String field = f[i].toUpperCase(Locale.ROOT);
            if (field.contains("L") && !field.matches(".*[A-Z]{3}.*")
                    || field.contains("W") && i == 2
                    || field.contains("#")) {
                return Converted.failed(
                        "the " + FIELDS[i] + " field '" + f[i] + "' uses L, W or #, which unix cron lacks");
            }
            if (field.equals("?")) field = "*";
            field = steps(field, i);
            if (i == 4) {
                String shifted = weekdays(field);
                if (shifted == null)
                    return Converted.failed("the day-of-week field '" + f[i] + "' is out of AWS's 1-7 range");
                field = shifted;
            }
            out.add(field);
        }
        return new Converted(String.join(" ", out), null, null);
    }

    /** AWS {@code 0/5} (from 0, every 5) is unix {@code *}{@code /5}; {@code 3/5} is {@code 3-59/5}. */
    private static String steps(String field, int index) {
        List<String> parts = new ArrayList<>();
        for (String part : field.split(",")) {
            int slash = part.indexOf('/');
            if (slash > 0 && !part.substring(0, slash).contains("-") && !part.startsWith("*")) {
                String from = part.substring(0, slash);
                boolean first = from.equals(index == 2 || index == 3 ? "1" : "0");
                part = (first ? "*" : from + "-" + MAX[index]) + part.substring(slash);
            }
            parts.add(part);
        }
        return String.join(",", parts);
    }

    /** AWS numbers days 1 (SUN) to 7 (SAT), unix 0 (SUN) to 6 (SAT); names stay. */
    private static String weekdays(String field) {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("\\d+").matcher(field);
        int last = 0;
        while (m.find()) {
            boolean step = m.start() > 0 && field.charAt(m.start() - 1) == '/';
            int n = Integer.parseInt(m.group());
            b.append(field, last, m.start());
            if (step) {
                b.append(n);
            } else {
                if (n < 1 || n > 7) return null;
                b.append(n - 1);
            }
            last = m.end();
        }
        return b.append(field.substring(last)).toString();
    }
}
