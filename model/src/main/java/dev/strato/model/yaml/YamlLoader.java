package dev.strato.model.yaml;

import dev.strato.model.diag.Diagnostics;
import dev.strato.model.diag.Position;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML (or JSON) document into a {@link YNode} tree that keeps every node's
 * position. Duplicate keys, unsupported tags and abuse (huge files, alias bombs, deep nesting)
 * become diagnostics; nothing here throws for bad input.
 */
public final class YamlLoader {

    public static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_NODES = 200_000;

    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

    private final String label;
    private final Diagnostics diagnostics;
    private int nodeCount;

    private YamlLoader(String label, Diagnostics diagnostics) {
        this.label = label;
        this.diagnostics = diagnostics;
    }

    /** Reads a file; {@code label} is how positions name it (e.g. the path the user gave). */
    public static Optional<YNode> loadFile(Path file, String label, Diagnostics diagnostics) {
        Position start = new Position(label, 1, 1);
        try {
            if (Files.isDirectory(file)) {
                diagnostics.error(new Position(label, 0, 0), "", "is a directory, expected a YAML file");
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                diagnostics.error(
                        start, "", "file is " + size + " bytes; the limit is " + MAX_FILE_BYTES + " bytes (5 MB)");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return decode(bytes, start, diagnostics).flatMap(text -> load(text, label, diagnostics));
        } catch (IOException e) {
            diagnostics.error(new Position(label, 0, 0), "", "cannot read file: " + describe(e));
            return Optional.empty();
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }

    private static Optional<String> decode(byte[] bytes, Position start, Diagnostics diagnostics) {
        if (utf16(bytes)) {
            diagnostics.error(
                    start,
                    "",
                    "the file is UTF-16 text; strato.yml must be UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
            return Optional.empty();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                diagnostics.error(at(bytes, i, start), "", "not a text file: found a NUL byte (offset " + i + ")");
                return Optional.empty();
            }
        }
        int bad = firstMalformed(bytes);
        if (bad >= 0) {
            diagnostics.error(
                    at(bytes, bad, start),
                    "",
                    String.format(
                            "not valid UTF-8 text: byte 0x%02X (offset %d) starts no UTF-8 character;"
                                    + " save the file as UTF-8",
                            bytes[bad] & 0xFF, bad));
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** A UTF-16 byte order mark, or (without one) the zero bytes of UTF-16 ASCII text in the first line. */
    private static boolean utf16(byte[] b) {
        if (b.length >= 2
                && ((b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) || (b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)))
            return true;
        return b.length >= 4
                && ((b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
                        || (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0));
    }

    /** The offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence, or -1. */
    private static int firstMalformed(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) return in.position();
        r = decoder.flush(out);
        return r.isError() ? in.position() : -1;
    }

    /** Line and column (in characters of the valid text before it) of byte {@code offset}. */
    private static Position at(byte[] bytes, int offset, Position start) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) column++; // count characters, not continuation bytes
        }
        return new Position(start.file(), line, column);
    }

    /** Parses text; returns empty (with a diagnostic) for an empty document or a syntax error. */
    public static Optional<YNode> load(String text, String label, Diagnostics diagnostics) {
        return new YamlLoader(label, diagnostics).parse(text);
    }

    private Optional<YNode> parse(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit((int) MAX_FILE_BYTES)
                .setUseMarks(true)
                // the whole text in one window: with the default 1 KB window the reader copies the
                // window on every refill, so one long token (a 4.9 MB line) cost O(n^2 / 1 KB)
                .setBufferSize(Math.max(1024, text.length() + 1))
                .setSchema(new StratoSchema())
                .setAllowNonScalarKeys(true)
                .build();
        try {
            var parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)), MAX_DEPTH);
            Optional<Node> root = new Composer(settings, parser).getSingleNode();
            if (root.isEmpty() || isNullScalar(root.get())) {
                diagnostics.error(new Position(label, 1, 1), "", "file is empty");
                return Optional.empty();
            }
            YNode converted = convert(root.get(), 0);
            return Optional.ofNullable(converted);
        } catch (DepthLimitedParser.TooDeep e) {
            diagnostics.error(
                    e.mark() == null ? new Position(label, 1, 1) : position(e.mark()),
                    "",
                    "nesting deeper than " + MAX_DEPTH + " levels");
        } catch (TooManyNodes e) {
            diagnostics.error(e.at, "", "more than " + MAX_NODES + " values after expanding aliases (alias bomb?)");
        } catch (MarkedYamlEngineException e) {
            Position at = syntaxPosition(e, text.length());
            diagnostics.error(at, "", syntaxMessage(e));
        } catch (YamlEngineException e) {
            diagnostics.error(new Position(label, 1, 1), "", yamlMessage(e.getMessage()));
        }
        return Optional.empty();
    }

    /** Where a syntax error is: the problem, unless that is the end of the input (an unclosed quote or bracket starts earlier). */
    private Position syntaxPosition(MarkedYamlEngineException e, int length) {
        Optional<Mark> problem = e.getProblemMark();
        Optional<Mark> context = e.getContextMark();
        Optional<Mark> best = problem.isPresent() && problem.get().getIndex() >= length && context.isPresent()
                ? context
                : problem.or(() -> context);
        return best.map(this::position).orElse(new Position(label, 1, 1));
    }

    private static boolean isNullScalar(Node node) {
        return node instanceof ScalarNode s
                && s.getTag().equals(Tag.NULL)
                && s.getValue().isEmpty();
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String text = context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
        return "YAML syntax: " + yamlMessage(text) + hint(text);
    }

    /** Common slips with the fix, since the parser's own words rarely name it. */
    private static String hint(String text) {
        if (text.contains("flow mapping") && text.contains("but got {")) {
            return " (inside { } quote values that contain braces, e.g. path: \"/orders/{id}\" or \"orders-${stage}\")";
        }
        if (text.contains("scanning an alias")) {
            return " (a value starting with * is read as an alias: quote it, e.g. \"**/*.test.js\")";
        }
        return "";
    }

    private static String yamlMessage(String raw) {
        String m = raw == null ? "invalid YAML" : raw.strip().replaceAll("\\s+", " ");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("Version\\{major=(\\d+), minor=(\\d+)\\}")
                .matcher(m);
        if (version.find()) {
            return "%YAML " + version.group(1) + "." + version.group(2)
                    + " is not a YAML version strato reads: write %YAML 1.2 (or no directive)";
        }
        if (m.startsWith("Number of aliases")) {
            return "too many aliases (more than " + MAX_ALIASES + "): refused (alias bomb protection)";
        }
        if (m.contains("code point limit") || m.contains("The incoming YAML document exceeds the limit")) {
            return "document exceeds the size limit of " + MAX_FILE_BYTES + " characters";
        }
        return m;
    }

    Position position(Mark mark) {
        return new Position(label, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Position start(Node node) {
        return node.getStartMark().map(this::position).orElse(new Position(label, 1, 1));
    }

    private YNode convert(Node node, int depth) {
        if (++nodeCount > MAX_NODES) throw new TooManyNodes(start(node));
        if (depth > MAX_DEPTH)
            throw new DepthLimitedParser.TooDeep(node.getStartMark().orElse(null));
        if (node instanceof ScalarNode s) return scalar(s);
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node child : seq.getValue()) {
                YNode c = convert(child, depth + 1);
                if (c != null) items.add(c);
            }
            checkTag(node, Tag.SEQ);
            return new YList(items, start(node));
        }
        MappingNode map = (MappingNode) node;
        checkTag(node, Tag.MAP);
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        List<YMap> merges = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                diagnostics.error(
                        start(keyNode),
                        "",
                        "a map key must be a plain value, not "
                                + (keyNode instanceof SequenceNode ? "a list" : "a map"));
                continue;
            }
            YNode value = convert(t.getValueNode(), depth + 1);
            String name = key.getValue();
            if (name.equals("<<") && key.isPlain()) {
                collectMerge(value, merges);
                continue;
            }
            YMap.Entry previous = entries.get(name);
            if (previous != null) {
                Position first = previous.keyPosition();
                diagnostics.error(
                        start(key), "", "duplicate key '" + name + "' (first defined at line " + first.line() + ")");
                continue;
            }
            if (value != null) entries.put(name, new YMap.Entry(name, start(key), value));
        }
        for (YMap merged : merges) {
            merged.entries().forEach(entries::putIfAbsent);
        }
        return new YMap(entries, start(node));
    }

    private void collectMerge(YNode value, List<YMap> merges) {
        if (value instanceof YMap m) {
            merges.add(m);
        } else if (value instanceof YList l && l.items().stream().allMatch(YMap.class::isInstance)) {
            l.items().forEach(i -> merges.add((YMap) i));
        } else if (value != null) {
            diagnostics.error(
                    value.position(), "", "a merge key '<<' takes a map or a list of maps, not " + value.describe());
        }
    }

    private void checkTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) unsupportedTag(node);
    }

    private void unsupportedTag(Node node) {
        String tag = node.getTag().getValue();
        String hint = tag.startsWith("!") && !tag.startsWith("!!")
                ? " (CloudFormation-style tags are not part of strato.yml; use ${ref:RESOURCE.ATTR})"
                : "";
        diagnostics.error(start(node), "", "unsupported YAML tag " + tag + hint);
    }

    private YNode scalar(ScalarNode s) {
        Position at = start(s);
        String text = s.getValue();
        boolean singleLine = s.getStartMark()
                .flatMap(a -> s.getEndMark().map(b -> a.getLine() == b.getLine()))
                .orElse(false);
        ScalarStyle style = s.getScalarStyle();
        int offset = !singleLine
                ? -1
                : style == ScalarStyle.PLAIN
                        ? 0
                        : style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED ? 1 : -1;
        Tag tag = s.getTag();
        Object value;
        if (tag.equals(Tag.STR) || tag.equals(Tag.ENV_TAG)) {
            value = text;
        } else if (tag.equals(Tag.NULL)) {
            value = null;
        } else if (tag.equals(Tag.BOOL)) {
            value = Boolean.valueOf(text.toLowerCase(java.util.Locale.ROOT));
        } else if (tag.equals(Tag.INT)) {
            value = integer(text);
        } else if (tag.equals(Tag.FLOAT)) {
            value = floating(text);
        } else {
            unsupportedTag(s);
            value = text;
        }
        return new YScalar(value, text, at, offset);
    }

    private static Object integer(String text) {
        BigInteger big;
        if (OCT.matcher(text).matches()) big = new BigInteger(text.substring(2), 8);
        else if (HEX.matcher(text).matches()) big = new BigInteger(text.substring(2), 16);
        else if (INT.matcher(text).matches()) big = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        else return text;
        return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
    }

    private static Object floating(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".inf")) return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (t.equals(".nan")) return Double.NaN;
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static final class TooManyNodes extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Position at;

        TooManyNodes(Position at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
