package dev.strato.model.bind;

import dev.strato.model.SourceMap;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.support.Durations;
import dev.strato.model.support.Suggestions;
import dev.strato.model.vars.Resolved;
import dev.strato.model.yaml.YList;
import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YScalar;
import dev.strato.model.yaml.YSymbolic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values of the resolved tree by their {@link Type}, reporting each type error once at the
 * value's position. A value that fails reads as null; callers fall back to defaults.
 */
final class Reader {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})\\s*(mb|m|mi|mib|gb|g|gi|gib)?");

    private final Resolved resolved;
    private final Diagnostics diagnostics;
    private final SourceMap sources;

    Reader(Resolved resolved, Diagnostics diagnostics, SourceMap sources) {
        this.resolved = resolved;
        this.diagnostics = diagnostics;
        this.sources = sources;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    SourceMap sources() {
        return sources;
    }

    void error(YNode at, String path, String message) {
        diagnostics.error(at.position(), path, message);
    }

    /** A map checked against {@code shape}, or null (reported) if {@code node} is not a map. */
    View object(YNode node, String path, Shape shape) {
        sources.value(path, node.position());
        if (resolved.isFailed(node)) return null;
        if (!(node instanceof YMap map)) {
            typeError(node, path, "a map");
            return null;
        }
        map.entries().forEach((key, e) -> {
            sources.key(join(path, key), e.keyPosition());
            sources.value(join(path, key), e.value().position());
            if (!shape.fields().containsKey(key)) {
                diagnostics.error(
                        e.keyPosition(),
                        path,
                        "unknown key '" + key + "'"
                                + Suggestions.didYouMean(key, shape.fields().keySet())
                                + " (allowed: "
                                + String.join(", ", shape.fields().keySet()) + ")");
            }
        });
        long present = map.entries().keySet().stream()
                .filter(shape.fields()::containsKey)
                .count();
        if (shape.atLeastOne() && map.entries().isEmpty()) {
            diagnostics.error(
                    map.position(),
                    path,
                    "no " + shape.name().replaceAll("s$", "") + ": add at least one of "
                            + String.join(", ", shape.fields().keySet()));
        }
        if (shape.exactlyOne()) {
            if (present > 1) {
                diagnostics.error(
                        map.position(),
                        path,
                        "one " + shape.name() + " per list item, found "
                                + String.join(" and ", map.entries().keySet()));
            } else if (map.entries().isEmpty()) {
                diagnostics.error(
                        map.position(),
                        path,
                        "empty " + shape.name() + ": expected one of "
                                + String.join(", ", shape.fields().keySet()));
            }
        } else {
            shape.fields().values().stream()
                    .filter(f -> f.required()
                            && (map.get(f.name()) == null || isNull(map.get(f.name())) && !failed(map.get(f.name()))))
                    .forEach(f -> diagnostics.error(
                            map.get(f.name()) == null
                                    ? map.position()
                                    : map.get(f.name()).position(),
                            path,
                            "missing required key '" + f.name() + "'"
                                    + (f.description().isEmpty() ? "" : ": " + f.description())));
        }
        return new View(this, map, path, shape);
    }

    static boolean isNull(YNode node) {
        return node instanceof YScalar s && s.isNull();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean failed(YNode node) {
        return resolved.isFailed(node);
    }

    void typeError(YNode node, String path, String expected) {
        if (resolved.isFailed(node)) return;
        String got = node instanceof YScalar s && s.isString() ? "'" + abbreviate(s.text()) + "'" : node.describe();
        diagnostics.error(node.position(), path, "expected " + expected + ", got " + got);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** The scalar's text; symbolic values are refused (they are for environment values only). */
    String text(YNode node, String path, Type.Text type) {
        if (resolved.isFailed(node)) return null;
        if (node instanceof YSymbolic s) {
            error(
                    node,
                    path,
                    "a " + s.value().describe() + " (" + s.value().source()
                            + ") is allowed only in environment values");
            return null;
        }
        if (!(node instanceof YScalar s) || s.isNull() || s.value() instanceof Boolean) {
            typeError(node, path, type.rule() != null ? type.rule() : "a string");
            return null;
        }
        String text = String.valueOf(s.value());
        if (type.pattern() != null && !type.pattern().matcher(text).matches()) {
            error(node, path, "'" + abbreviate(text) + "' is not valid: expected " + type.rule());
            return null;
        }
        return text;
    }

    Long integer(YNode node, String path, Type.Int type) {
        Long value = node instanceof YScalar s ? asLong(s) : null;
        if (value == null) {
            typeError(node, path, "an integer");
            return null;
        }
        if (value < type.min() || value > type.max()) {
            error(node, path, value + " is out of range " + type.min() + ".." + type.max());
            return null;
        }
        return value;
    }

    private static Long asLong(YScalar s) {
        if (s.value() instanceof Long l) return l;
        if (s.value() instanceof String t && t.strip().matches("-?\\d{1,18}")) return Long.parseLong(t.strip());
        return null;
    }

    Boolean bool(YNode node, String path) {
        if (node instanceof YScalar s) {
            if (s.value() instanceof Boolean b) return b;
            if (s.value() instanceof String t && (t.equals("true") || t.equals("false"))) return Boolean.valueOf(t);
        }
        typeError(node, path, "true or false");
        return null;
    }

    String choice(YNode node, String path, Type.Choice type) {
        if (resolved.isFailed(node)) return null;
        if (!(node instanceof YScalar s)
                || s.isNull()
                || !(s.value() instanceof String || s.value() instanceof Long || s.value() instanceof Double)) {
            typeError(node, path, "one of " + String.join(", ", type.values()));
            return null;
        }
        String text = String.valueOf(s.value());
        if (type.values().contains(text)) return text;
        Optional<String> caseless =
                type.values().stream().filter(v -> v.equalsIgnoreCase(text)).findFirst();
        if (caseless.isPresent()) return caseless.get();
        error(
                node,
                path,
                "'" + abbreviate(text) + "' is not one of " + String.join(", ", type.values())
                        + Suggestions.didYouMean(text, type.values()));
        return null;
    }

    Duration duration(YNode node, String path) {
        if (node instanceof YScalar s) {
            Long seconds = asLong(s);
            if (seconds != null && seconds >= 0) return Duration.ofSeconds(seconds);
            if (s.value() instanceof String t) {
                Optional<Duration> d = Durations.parse(t);
                if (d.isPresent()) return d.get();
            }
        }
        typeError(node, path, new Type.Duration().describe());
        return null;
    }

    Integer sizeMb(YNode node, String path) {
        if (node instanceof YScalar s
                && s.value() != null
                && !(s.value() instanceof Boolean)
                && !(s.value() instanceof Double)) {
            Matcher m = SIZE.matcher(String.valueOf(s.value()).strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                boolean giga = m.group(2) != null && m.group(2).startsWith("g");
                return (int) Math.min(Integer.MAX_VALUE, giga ? n * 1024 : n);
            }
        }
        if (node instanceof YScalar s
                && (s.value() instanceof Long
                        || s.value() instanceof Double
                        || s.value() instanceof java.math.BigInteger)) {
            // a number that is no size: say what is wrong with it, not just its type
            error(
                    node,
                    path,
                    "memory must be a whole, positive number of MB within each provider's limits (such as 512 or 2GB), got "
                            + s.text());
            return null;
        }
        typeError(node, path, new Type.SizeMb().describe());
        return null;
    }

    List<YNode> list(YNode node, String path) {
        if (resolved.isFailed(node)) return List.of();
        if (node instanceof YList l) {
            for (int i = 0; i < l.items().size(); i++)
                sources.value(path + "[" + i + "]", l.items().get(i).position());
            return l.items();
        }
        typeError(node, path, "a list");
        return List.of();
    }

    /** Entries of a map whose keys must match the type's key pattern. */
    Map<String, YMap.Entry> entries(YNode node, String path, Type.MapOf type) {
        if (resolved.isFailed(node)) return Map.of();
        if (!(node instanceof YMap map)) {
            typeError(node, path, "a map");
            return Map.of();
        }
        Map<String, YMap.Entry> out = new LinkedHashMap<>();
        if (map.entries().size() < type.minEntries()) {
            diagnostics.error(map.position(), path, "no " + type.entryName() + ": add at least one");
        }
        map.entries().forEach((key, e) -> {
            sources.key(join(path, key), e.keyPosition());
            sources.value(join(path, key), e.value().position());
            if (type.keyPattern() != null && !type.keyPattern().matcher(key).matches()) {
                diagnostics.error(e.keyPosition(), join(path, key), "invalid name '" + key + "': " + type.keyRule());
            } else {
                out.put(key, e);
            }
        });
        return out;
    }

    List<String> texts(YNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node instanceof YScalar s && s.isString()) {
            out.add((String) s.value());
            return out;
        }
        List<YNode> items = list(node, path);
        for (int i = 0; i < items.size(); i++) {
            String t = text(items.get(i), path + "[" + i + "]", Type.Text.ANY);
            if (t != null) out.add(t);
        }
        return out;
    }
}
