package dev.strato.model.providers;

import dev.strato.model.diag.Severity;
import dev.strato.model.support.Durations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Provider limits (limits.tsv): one row per provider, limit, plan and trigger, each with its
 * source and the date it was checked, so a change of a cloud's limits is a one-line change.
 */
public final class Limits {

    public static final String ANY = "*";
    private static final Pattern VALUES = Pattern.compile("values=([0-9,]+)");
    private static final Pattern REGEX = Pattern.compile("pattern=(.*?)(?:; |$)");
    // what values() and pattern() read from a note, parsed once per note (checks ask per function)
    private static final Map<String, List<Long>> VALUES_OF_NOTE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<Pattern>> PATTERN_OF_NOTE = new ConcurrentHashMap<>();

    public record Limit(
            Provider provider,
            String name,
            String plan,
            String trigger,
            Long min,
            Long max,
            String unit,
            Severity severity,
            String source,
            String checked,
            String note) {

        /** Allowed discrete values, when the note names them ({@code values=1,3,5}). */
        public List<Long> values() {
            return VALUES_OF_NOTE.computeIfAbsent(note, n -> {
                Matcher m = VALUES.matcher(n);
                return m.find()
                        ? Arrays.stream(m.group(1).split(","))
                                .map(Long::valueOf)
                                .toList()
                        : List.of();
            });
        }

        /** The allowed characters of a name, when the note gives them ({@code pattern=...}). */
        public Optional<Pattern> pattern() {
            return PATTERN_OF_NOTE.computeIfAbsent(note, n -> {
                Matcher m = REGEX.matcher(n);
                return m.find() ? Optional.of(Pattern.compile(m.group(1))) : Optional.empty();
            });
        }

        // equals and hashCode as a record defines them, written out: the generated ones bootstrap
        // method handles on first use, a measurable part of a cold start (docs/PERFORMANCE.md)
        @Override
        public boolean equals(Object o) {
            return o instanceof Limit l
                    && provider == l.provider
                    && Objects.equals(name, l.name)
                    && Objects.equals(plan, l.plan)
                    && Objects.equals(trigger, l.trigger)
                    && Objects.equals(min, l.min)
                    && Objects.equals(max, l.max)
                    && Objects.equals(unit, l.unit)
                    && severity == l.severity
                    && Objects.equals(source, l.source)
                    && Objects.equals(checked, l.checked)
                    && Objects.equals(note, l.note);
        }

        @Override
        public int hashCode() {
            return Objects.hash(provider, name, plan, trigger, min, max, unit, severity, source, checked, note);
        }

        public boolean appliesToPlan(String p) {
            return plan.equals(ANY) || plan.equals(p);
        }

        /** {@code event} stands for every trigger but http. */
        public boolean appliesToTrigger(String kind) {
            return trigger.equals(ANY)
                    || trigger.equals(kind)
                    || (trigger.equals("event") && kind != null && !kind.equals("http"));
        }

        /** Null when {@code value} is within the limit, else why not. */
        public String check(long value) {
            if (min != null && value < min) return "below " + provider + " minimum " + format(min);
            if (max != null && value > max) return "exceeds " + provider + " limit " + format(max);
            List<Long> allowed = values();
            if (!allowed.isEmpty() && !allowed.contains(value)) {
                return "is not one of the values " + provider + " allows: "
                        + allowed.stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("");
            }
            return null;
        }

        public String format(long value) {
            return switch (unit) {
                case "MB" -> value + " MB";
                case "s" -> Durations.format(java.time.Duration.ofSeconds(value));
                case "days" -> value + " days";
                case "chars" -> value + " characters";
                default -> String.valueOf(value);
            };
        }
    }

    private static final List<Limit> ROWS = Tsv.read("limits.tsv", 11).stream()
            .map(c -> new Limit(
                    Provider.byId(c[0])
                            .orElseThrow(() -> new IllegalStateException("limits.tsv: unknown provider " + c[0])),
                    c[1],
                    c[2],
                    c[3],
                    number(c[4]),
                    number(c[5]),
                    c[6],
                    Severity.valueOf(c[7].toUpperCase(Locale.ROOT)),
                    c[8],
                    c[9],
                    c[10]))
            .toList();

    private Limits() {}

    private static Long number(String cell) {
        return cell.equals("-") ? null : Long.valueOf(cell);
    }

    public static List<Limit> all() {
        return ROWS;
    }

    /** Rows of one limit for a provider, plan (null: any) and trigger kind (null: the function as a whole). */
    public static List<Limit> of(Provider provider, String name, String plan, String trigger) {
        // every function asks the same few questions: answer each once
        return SELECTIONS.computeIfAbsent(
                provider + "|" + name + "|" + plan + "|" + trigger, k -> select(provider, name, plan, trigger));
    }

    private static final java.util.Map<String, List<Limit>> SELECTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Limit> select(Provider provider, String name, String plan, String trigger) {
        return ROWS.stream()
                .filter(l -> l.provider == provider && l.name.equals(name))
                .filter(l -> plan == null || l.appliesToPlan(plan))
                .filter(l -> trigger == null ? l.trigger.equals(ANY) : l.appliesToTrigger(trigger))
                .toList();
    }
}
