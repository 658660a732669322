package dev.strato.insight.cost;

import dev.strato.model.diag.Diagnostics;
import dev.strato.model.diag.Position;
import dev.strato.model.support.Durations;
import dev.strato.model.support.Suggestions;
import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YScalar;
import dev.strato.model.yaml.YamlLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code usage.yml}: {@code defaults:} and {@code functions: NAME:} maps of requests,
 * duration, payloadKb, fanOut, reads, writes, logKb. Every problem is a diagnostic with its line
 * and column; a name that is not a function of the service gets a "did you mean".
 */
public final class UsageFile {

    static final List<String> KEYS = List.of("requests", "duration", "payloadKb", "fanOut", "reads", "writes", "logKb");

    private UsageFile() {}

    public static Optional<Usage.Plan> read(
            Path file, String label, Usage base, Set<String> functions, Diagnostics diagnostics) {
        return read(file, label, base, functions, Set.of(), diagnostics);
    }

    /** @param stores the tables and buckets of the service, whose {@code storageGb} the file may give */
    public static Optional<Usage.Plan> read(
            Path file, String label, Usage base, Set<String> functions, Set<String> stores, Diagnostics diagnostics) {
        Optional<YNode> root = YamlLoader.loadFile(file, label, diagnostics);
        if (root.isEmpty()) return Optional.empty();
        if (!(root.get() instanceof YMap top)) {
            diagnostics.error(
                    root.get().position(),
                    "",
                    "a usage file is a map with defaults: and functions:, not "
                            + root.get().describe());
            return Optional.empty();
        }
        for (YMap.Entry e : top.entries().values()) {
            if (!List.of("defaults", "functions", "resources").contains(e.key())) {
                diagnostics.error(
                        e.keyPosition(),
                        e.key(),
                        "unknown key" + Suggestions.didYouMean(e.key(), List.of("defaults", "functions", "resources"))
                                + " (known: defaults, functions, resources)");
            }
        }
        Usage defaults = top.get("defaults") == null ? base : usage(top.get("defaults"), "defaults", base, diagnostics);
        Map<String, Usage> own = new LinkedHashMap<>();
        YNode fns = top.get("functions");
        if (fns != null) {
            if (!(fns instanceof YMap m)) {
                diagnostics.error(
                        fns.position(), "functions", "expected a map of function names, not " + fns.describe());
            } else {
                for (YMap.Entry e : m.entries().values()) {
                    if (!functions.contains(e.key())) {
                        diagnostics.error(
                                e.keyPosition(),
                                "functions." + e.key(),
                                "no function " + e.key() + " in the service"
                                        + Suggestions.didYouMean(e.key(), functions));
                        continue;
                    }
                    own.put(e.key(), usage(e.value(), "functions." + e.key(), defaults, diagnostics));
                }
            }
        }
        Map<String, Double> storage = new LinkedHashMap<>();
        YNode res = top.get("resources");
        if (res != null) {
            if (!(res instanceof YMap m)) {
                diagnostics.error(
                        res.position(), "resources", "expected a map of table and bucket names, not " + res.describe());
            } else {
                for (YMap.Entry e : m.entries().values()) {
                    String at = "resources." + e.key();
                    if (!stores.contains(e.key())) {
                        diagnostics.error(
                                e.keyPosition(),
                                at,
                                "no table or bucket " + e.key() + " in the service"
                                        + Suggestions.didYouMean(e.key(), stores));
                    } else if (!(e.value() instanceof YMap r)) {
                        diagnostics.error(
                                e.value().position(),
                                at,
                                "expected { storageGb: N }, not " + e.value().describe());
                    } else {
                        for (YMap.Entry k : r.entries().values()) {
                            if (k.key().equals("storageGb"))
                                number(k.value(), at + ".storageGb", diagnostics)
                                        .ifPresent(v -> storage.put(e.key(), v));
                            else
                                diagnostics.error(
                                        k.keyPosition(),
                                        at + "." + k.key(),
                                        "unknown key" + Suggestions.didYouMean(k.key(), List.of("storageGb"))
                                                + " (known: storageGb)");
                        }
                    }
                }
            }
        }
        return diagnostics.hasErrors() ? Optional.empty() : Optional.of(new Usage.Plan(defaults, own, storage, label));
    }

    private static Usage usage(YNode node, String path, Usage base, Diagnostics d) {
        if (!(node instanceof YMap m)) {
            d.error(node.position(), path, "expected a map of " + String.join(", ", KEYS) + ", not " + node.describe());
            return base;
        }
        long requests = base.requests();
        Duration duration = base.duration();
        double payload = base.payloadKb(),
                fanOut = base.fanOut(),
                reads = base.reads(),
                writes = base.writes(),
                logKb = base.logKb();
        for (YMap.Entry e : m.entries().values()) {
            String at = path + "." + e.key();
            YNode v = e.value();
            switch (e.key()) {
                case "requests" -> requests = count(v, at, d).orElse(requests);
                case "duration" -> duration = duration(v, at, d).orElse(duration);
                case "payloadKb" -> payload = number(v, at, d).orElse(payload);
                case "fanOut" -> fanOut = number(v, at, d).orElse(fanOut);
                case "reads" -> reads = number(v, at, d).orElse(reads);
                case "writes" -> writes = number(v, at, d).orElse(writes);
                case "logKb" -> logKb = number(v, at, d).orElse(logKb);
                default ->
                    d.error(
                            e.keyPosition(),
                            at,
                            "unknown key" + Suggestions.didYouMean(e.key(), KEYS) + " (known: "
                                    + String.join(", ", KEYS) + ")");
            }
        }
        return new Usage(requests, duration, payload, fanOut, reads, writes, logKb);
    }

    /** A whole number, also written {@code 3M}, {@code 250k} or {@code 3_000_000}. */
    public static Optional<Long> parseCount(String text) {
        String t = text.strip().replace("_", "").replace(",", "");
        long factor = 1;
        if (t.endsWith("k") || t.endsWith("K")) factor = 1_000;
        if (t.endsWith("M")) factor = 1_000_000;
        if (t.endsWith("B")) factor = 1_000_000_000;
        if (factor > 1) t = t.substring(0, t.length() - 1);
        try {
            java.math.BigDecimal n = new java.math.BigDecimal(t).multiply(java.math.BigDecimal.valueOf(factor));
            if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0) return Optional.empty();
            return Optional.of(n.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> count(YNode v, String at, Diagnostics d) {
        Optional<Long> n =
                v instanceof YScalar s && s.value() != null ? parseCount(String.valueOf(s.value())) : Optional.empty();
        if (n.isEmpty())
            d.error(
                    v.position(),
                    at,
                    "expected a whole number of requests per month (e.g. 3000000 or 3M), not " + text(v));
        return n;
    }

    private static Optional<Duration> duration(YNode v, String at, Diagnostics d) {
        Optional<Duration> t =
                v instanceof YScalar s && s.isString() ? Durations.parse((String) s.value()) : Optional.empty();
        if (t.isEmpty() || t.get().isZero())
            d.error(v.position(), at, "expected a duration such as 120ms or 2s, not " + text(v));
        return t.filter(x -> !x.isZero());
    }

    private static Optional<Double> number(YNode v, String at, Diagnostics d) {
        if (v instanceof YScalar s
                && (s.value() instanceof Long || s.value() instanceof Double)
                && ((Number) s.value()).doubleValue() >= 0) {
            return Optional.of(((Number) s.value()).doubleValue());
        }
        d.error(v.position(), at, "expected a number of 0 or more, not " + text(v));
        return Optional.empty();
    }

    private static String text(YNode v) {
        return v instanceof YScalar s ? "'" + s.text() + "'" : v.describe();
    }

    static Position at(YNode n) {
        return n.position();
    }
}
