package dev.strato.model.vars;

import dev.strato.model.diag.Diagnostics;
import dev.strato.model.diag.Position;
import dev.strato.model.service.Value;
import dev.strato.model.support.Suggestions;
import dev.strato.model.yaml.YList;
import dev.strato.model.yaml.YMap;
import dev.strato.model.yaml.YNode;
import dev.strato.model.yaml.YScalar;
import dev.strato.model.yaml.YSymbolic;
import dev.strato.model.yaml.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${...}} variables in a loaded tree (see docs/MODEL.md, "Variables").
 * Every unresolved, malformed or cyclic variable is reported at its own position; the rest of
 * the tree is still resolved.
 */
public final class VariableResolver {

    static final List<String> SOURCES = List.of("stage", "env", "opt", "param", "self", "file", "ref", "secret");
    /** {@code file(PATH)} or {@code file(PATH):KEY}, the address of a {@code ${file()}} variable (the importer reads them too). */
    public static final Pattern FILE = Pattern.compile("file\\(\\s*([^)]*?)\\s*\\)(?::(.*))?", Pattern.DOTALL);

    private static final Pattern REF = Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\.([A-Za-z]+)");
    static final List<String> REF_ATTRIBUTES = List.of("name", "id", "url");

    /**
     * Caps on what variables may expand to (docs/MODEL.md, "Variables"): no provider takes a
     * value anywhere near 1 MiB (an AWS function's whole environment is 4 KB, an ARM template
     * 4 MB), and the caps stop a value that doubles at each level long before memory runs out.
     */
    static final int MAX_VALUE_CHARS = 1 << 20;

    static final long MAX_EXPANDED_CHARS = 16L << 20;
    private long expanded;
    private boolean overExpanded;

    private final VariableContext context;
    private final Diagnostics diagnostics;
    private final YNode root;
    private final Set<YNode> failed = Resolved.identitySet();
    private final Map<YNode, YNode> done = new IdentityHashMap<>();
    private final Set<YNode> outputs = Resolved.identitySet();
    private final Set<String> inProgress = new LinkedHashSet<>();
    private final Map<Path, Optional<YNode>> files = new HashMap<>();
    private final String mainLabel;
    private String stage;
    private String currentPath = "";

    private VariableResolver(YNode root, String mainLabel, VariableContext context, Diagnostics diagnostics) {
        this.root = root;
        this.mainLabel = mainLabel;
        this.context = context;
        this.diagnostics = diagnostics;
    }

    /** Resolves {@code root}, loaded from the file shown as {@code label}. */
    public static Resolved resolve(YNode root, String label, VariableContext context, Diagnostics diagnostics) {
        VariableResolver r = new VariableResolver(root, label, context, diagnostics);
        r.stage = r.determineStage();
        YNode resolved = r.resolve(root, "");
        return new Resolved(resolved, r.stage, r.failed);
    }

    private String determineStage() {
        if (context.stageOverride() != null) return context.stageOverride();
        if (root instanceof YMap map && map.get("stage") != null) {
            inProgress.add("stage");
            YNode node = resolve(map.get("stage"), "stage");
            inProgress.remove("stage");
            if (node instanceof YScalar s && s.isString() && !failed.contains(node)) return (String) s.value();
        }
        return dev.strato.model.bind.ModelBinder.DEFAULT_STAGE;
    }

    private YNode resolve(YNode node, String path) {
        if (outputs.contains(node)) return node;
        YNode known = done.get(node);
        if (known != null) return known;
        YNode result;
        if (node instanceof YScalar s) {
            result = resolveScalar(s, path);
        } else if (node instanceof YList l) {
            List<YNode> items = new ArrayList<>();
            for (YNode item : l.items()) items.add(resolve(item, path + "[" + items.size() + "]"));
            result = new YList(items, l.position());
        } else if (node instanceof YMap m) {
            Map<String, YMap.Entry> entries = new LinkedHashMap<>();
            m.entries()
                    .forEach((k, e) ->
                            entries.put(k, new YMap.Entry(k, e.keyPosition(), resolve(e.value(), join(path, k)))));
            result = new YMap(entries, m.position());
        } else {
            result = node;
        }
        done.put(node, result);
        outputs.add(result);
        return result;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YNode resolveScalar(YScalar s, String path) {
        if (!s.isString() || !Template.mayContainVariables(s.text())) return s;
        String outer = currentPath;
        currentPath = path;
        try {
            return interpolate(s, s.text(), 0);
        } finally {
            currentPath = outer;
        }
    }

    /** Resolves {@code text}, which starts at {@code offset} in scalar {@code s}. */
    private YNode interpolate(YScalar s, String text, int offset) {
        Template t;
        try {
            t = Template.parse(text);
        } catch (Template.UnclosedException e) {
            return fail(s, offset + e.index, "unclosed variable: '${' without a matching '}'");
        }
        if (t.isSingleExpression()) {
            Template.Expression ex = (Template.Expression) t.parts().get(0);
            YNode value = evaluate(s, ex.source(), offset + ex.index());
            if (failed.contains(value)) return value;
            return value instanceof YScalar || value instanceof YSymbolic ? at(value, s.position()) : value;
        }
        List<Value> parts = new ArrayList<>();
        YNode firstFailure = null;
        long length = 0;
        for (Template.Part p : t.parts()) {
            if (p instanceof Template.Literal l) {
                parts.add(new Value.Text(l.text()));
                length += l.text().length();
                continue;
            }
            Template.Expression ex = (Template.Expression) p;
            YNode value = evaluate(s, ex.source(), offset + ex.index());
            if (failed.contains(value)) {
                if (firstFailure == null) firstFailure = value;
                continue;
            }
            if (value instanceof YScalar v) {
                String piece = v.isNull() ? "" : String.valueOf(v.value());
                length += piece.length();
                if (firstFailure == null && length > MAX_VALUE_CHARS) {
                    firstFailure = fail(
                            s,
                            offset + ex.index(),
                            "${" + ex.source() + "} makes this value longer than " + MAX_VALUE_CHARS
                                    + " characters once variables are expanded (a variable that repeats another grows exponentially)");
                    break;
                }
                parts.add(new Value.Text(piece));
            } else if (value instanceof YSymbolic v) {
                parts.add(v.value());
            } else if (firstFailure == null) {
                firstFailure = fail(
                        s,
                        offset + ex.index(),
                        "${" + ex.source() + "} is " + value.describe() + " and cannot be part of a text");
            }
        }
        if (firstFailure == null) {
            expanded += length;
            if (expanded > MAX_EXPANDED_CHARS) {
                if (overExpanded) {
                    YScalar marker = new YScalar(null, s.text(), s.position(), -1);
                    failed.add(marker);
                    return marker;
                }
                overExpanded = true;
                return fail(
                        s,
                        offset,
                        "variables expand the file to more than " + MAX_EXPANDED_CHARS + " characters of text (at most "
                                + (MAX_EXPANDED_CHARS >> 20) + " MiB in all)");
            }
        }
        return firstFailure != null ? firstFailure : join(parts, s);
    }

    private YNode join(List<Value> parts, YScalar s) {
        List<Value> merged = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Value v : parts) {
            if (v instanceof Value.Text t) {
                text.append(t.text());
            } else {
                if (!text.isEmpty()) merged.add(new Value.Text(text.toString()));
                text.setLength(0);
                if (v instanceof Value.Concat c) merged.addAll(c.parts());
                else merged.add(v);
            }
        }
        if (merged.isEmpty()) return new YScalar(text.toString(), text.toString(), s.position(), -1);
        if (!text.isEmpty()) merged.add(new Value.Text(text.toString()));
        return new YSymbolic(merged.size() == 1 ? merged.get(0) : new Value.Concat(merged), s.position());
    }

    private static YNode at(YNode value, Position position) {
        if (value instanceof YScalar v) return new YScalar(v.value(), v.text(), position, -1);
        if (value instanceof YSymbolic v) return new YSymbolic(v.value(), position);
        return value;
    }

    /** Evaluates one expression body, e.g. {@code env:NAME, fallback}, found at {@code index} in {@code s}. */
    private YNode evaluate(YScalar s, String body, int index) {
        int comma = VariableSyntax.topLevelComma(body);
        String address = (comma < 0 ? body : body.substring(0, comma)).strip();
        String fallback = comma < 0 ? null : body.substring(comma + 1).strip();
        String source = sourceOf(address);
        if (!SOURCES.contains(source)) {
            return fail(
                    s,
                    index,
                    "unknown variable source '" + source + "'" + Suggestions.didYouMean(source, SOURCES) + " (known: "
                            + String.join(", ", SOURCES) + ")");
        }
        if (fallback != null && List.of("stage", "ref", "secret").contains(source)) {
            return fail(s, index, "${" + source + "} takes no fallback");
        }
        if (address.contains("${")) {
            YNode inner = interpolate(s, address, index + 2 + body.indexOf(address));
            if (failed.contains(inner)) return inner;
            if (!(inner instanceof YScalar is) || !is.isString()) {
                return fail(s, index, "a nested variable in ${" + body + "} must give text");
            }
            address = (String) is.value();
        }
        Lookup found = lookup(source, address, s, index);
        if (found.failed != null) return found.failed;
        if (found.value != null) return found.value;
        if (fallback != null) return fallback(s, fallback, index + 2 + comma + 1);
        return fail(s, index, found.missing);
    }

    private static String sourceOf(String address) {
        if (address.startsWith("file(")) return "file";
        int colon = address.indexOf(':');
        return (colon < 0 ? address : address.substring(0, colon)).strip();
    }

    /** A lookup result: a value, a "not there" message (fallback may apply) or a hard failure. */
    private record Lookup(YNode value, String missing, YNode failed) {
        static Lookup of(YNode v) {
            return new Lookup(v, null, null);
        }

        static Lookup missing(String why) {
            return new Lookup(null, why, null);
        }

        static Lookup failed(YNode f) {
            return new Lookup(null, null, f);
        }
    }

    private Lookup lookup(String source, String address, YScalar s, int index) {
        String arg = address.startsWith("file(")
                ? address
                : address.substring(Math.min(address.length(), source.length() + 1))
                        .strip();
        if (!source.equals("stage") && !source.equals("file") && (address.indexOf(':') < 0 || arg.isEmpty())) {
            return Lookup.failed(fail(s, index, "${" + source + ":...} needs a name after the colon"));
        }
        return switch (source) {
            case "stage" ->
                address.equals("stage")
                        ? stageValue(s, index)
                        : Lookup.failed(fail(s, index, "${stage} takes no argument"));
            case "env" ->
                text(
                        context.environment().get(arg),
                        s,
                        "environment variable " + arg + " is not set and has no fallback");
            case "opt" ->
                text(context.options().get(arg), s, "no --param " + arg + "=VALUE was given and there is no fallback");
            case "param" -> param(arg, s, index);
            case "self" -> self(arg, s, index);
            case "file" -> file(address, s, index);
            case "ref" -> ref(arg, s, index);
            case "secret" -> secret(arg, s, index);
            default -> throw new IllegalStateException(source);
        };
    }

    private Lookup stageValue(YScalar s, int index) {
        if (stage == null) return Lookup.failed(fail(s, index, "stage cannot be defined with ${stage} (cycle)"));
        return Lookup.of(new YScalar(stage, stage, s.position(), -1));
    }

    private static Lookup text(String value, YScalar s, String missing) {
        return value == null ? Lookup.missing(missing) : Lookup.of(new YScalar(value, value, s.position(), -1));
    }

    private Lookup param(String name, YScalar s, int index) {
        if (!(root instanceof YMap map) || !(map.get("params") instanceof YMap params)) {
            return Lookup.missing("param " + name + " is not defined: the file has no params");
        }
        for (String section : stage == null ? List.of("default") : List.of(stage, "default")) {
            if (params.get(section) instanceof YMap values && values.get(name) != null) {
                return follow("param:" + name, values.get(name), "params." + section + "." + name, s, index);
            }
        }
        return Lookup.missing("param " + name + " is not defined in params." + stage + " nor in params.default");
    }

    private Lookup self(String path, YScalar s, int index) {
        return walk(root, path, "self:" + path, s, index, "self");
    }

    /** Follows a dotted path through {@code start}, resolving variables met on the way. */
    private Lookup walk(YNode start, String path, String key, YScalar s, int index, String what) {
        if (inProgress.contains(key)) return Lookup.failed(cycle(key, s, index));
        inProgress.add(key);
        try {
            YNode node = start;
            String at = start == root ? "" : key;
            for (String segment : path.split("\\.", -1)) {
                if (node instanceof YScalar) node = resolve(node, at);
                at = start == root ? join(at, segment) : key;
                if (failed.contains(node)) return Lookup.failed(node);
                YNode next = child(node, segment);
                if (next == null) {
                    return Lookup.missing(what + " path '" + path + "' not found: no '" + segment + "'"
                            + (node instanceof YMap m
                                    ? Suggestions.didYouMean(
                                            segment, m.entries().keySet())
                                    : ""));
                }
                node = next;
            }
            return Lookup.of(resolve(node, at));
        } finally {
            inProgress.remove(key);
        }
    }

    private Lookup follow(String key, YNode node, String path, YScalar s, int index) {
        if (inProgress.contains(key)) return Lookup.failed(cycle(key, s, index));
        inProgress.add(key);
        try {
            return Lookup.of(resolve(node, path));
        } finally {
            inProgress.remove(key);
        }
    }

    private YNode cycle(String key, YScalar s, int index) {
        List<String> chain = new ArrayList<>();
        boolean in = false;
        for (String k : inProgress) {
            if (k.equals(key)) in = true;
            if (in) chain.add("${" + k + "}");
        }
        chain.add("${" + key + "}");
        return fail(s, index, "variable cycle: " + String.join(" -> ", chain));
    }

    private static YNode child(YNode node, String segment) {
        if (node instanceof YMap m) return m.get(segment);
        if (node instanceof YList l && segment.matches("\\d{1,9}")) {
            int i = Integer.parseInt(segment);
            return i < l.items().size() ? l.items().get(i) : null;
        }
        return null;
    }

    private Lookup file(String address, YScalar s, int index) {
        Matcher m = FILE.matcher(address);
        if (!m.matches() || m.group(1).isEmpty()) {
            return Lookup.failed(fail(s, index, "malformed ${file(PATH):KEY}: " + address));
        }
        String given = unquote(m.group(1));
        Path projectDir = context.projectDir();
        Path target = projectDir.resolve(given).normalize();
        Path real;
        Path projectReal;
        try {
            projectReal = projectDir.toRealPath();
            if (!Files.exists(target)) return Lookup.missing("file " + given + " not found");
            real = target.toRealPath();
        } catch (IOException e) {
            return Lookup.failed(fail(s, index, "cannot read file " + given + ": " + e.getMessage()));
        }
        if (!real.startsWith(projectReal)) {
            return Lookup.failed(fail(
                    s,
                    index,
                    "file " + given + " is outside the project folder " + projectDir
                            + "; ${file()} may only read files inside it"));
        }
        if (Files.isDirectory(real)) {
            return Lookup.failed(fail(s, index, "file " + given + " is a folder; ${file()} reads a YAML or JSON file"));
        }
        Optional<YNode> content =
                files.computeIfAbsent(real, p -> YamlLoader.loadFile(p, labelFor(given), diagnostics));
        if (content.isEmpty()) return Lookup.failed(fail(s, index, "file " + given + " could not be loaded"));
        String path = m.group(2) == null ? "" : m.group(2).strip();
        String key = "file(" + given + ")" + (path.isEmpty() ? "" : ":" + path);
        return path.isEmpty()
                ? follow(key, content.get(), key, s, index)
                : walk(content.get(), path, key, s, index, "file " + given);
    }

    private String labelFor(String given) {
        Path parent = Path.of(mainLabel).getParent();
        String clean = given.startsWith("./") ? given.substring(2) : given;
        return parent == null ? clean : parent.resolve(clean).normalize().toString();
    }

    private Lookup ref(String arg, YScalar s, int index) {
        Matcher m = REF.matcher(arg);
        if (!m.matches()) {
            return Lookup.failed(fail(
                    s,
                    index,
                    "malformed ${ref:" + arg + "}: expected ${ref:RESOURCE.ATTR} with ATTR one of "
                            + String.join(", ", REF_ATTRIBUTES)));
        }
        if (!REF_ATTRIBUTES.contains(m.group(2))) {
            return Lookup.failed(fail(
                    s,
                    index,
                    "unknown attribute '" + m.group(2) + "' in ${ref:" + arg + "}"
                            + Suggestions.didYouMean(m.group(2), REF_ATTRIBUTES) + " (known: "
                            + String.join(", ", REF_ATTRIBUTES) + ")"));
        }
        return Lookup.of(new YSymbolic(new Value.Ref(m.group(1), m.group(2)), s.position()));
    }

    private Lookup secret(String name, YScalar s, int index) {
        return Lookup.of(new YSymbolic(new Value.Secret(name), s.position()));
    }

    private YNode fallback(YScalar s, String text, int offset) {
        if (text.length() >= 2
                && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            String literal = text.substring(1, text.length() - 1);
            return new YScalar(literal, literal, s.position(), -1);
        }
        if (text.contains("${")) return interpolate(s, text, offset);
        return new YScalar(text, text, s.position(), -1);
    }

    private static String unquote(String text) {
        if (text.length() >= 2
                && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private YNode fail(YScalar s, int index, String message) {
        diagnostics.error(s.positionOf(index), currentPath, message);
        YScalar marker = new YScalar(null, s.text(), s.position(), -1);
        failed.add(marker);
        return marker;
    }
}
