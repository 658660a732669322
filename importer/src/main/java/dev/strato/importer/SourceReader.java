package dev.strato.importer;

import dev.strato.model.diag.Position;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads serverless.yml or a CloudFormation/SAM template (YAML or JSON) into a {@link Src} tree with
 * positions. Unlike strato.yml's loader it accepts CloudFormation's tags ({@code !Ref},
 * {@code !GetAtt a.b}, {@code !Sub}, ...) as intrinsic functions, and turns their long forms
 * ({@code {"Fn::Join": ...}}) into the same nodes.
 */
public final class SourceReader {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_DEPTH = 100;
    static final int MAX_ALIASES = 100;
    static final int MAX_NODES = 500_000;

    /** CloudFormation's intrinsic functions and condition functions, by long name. */
    static final Set<String> INTRINSICS = Set.of(
            "Ref",
            "Condition",
            "Fn::Base64",
            "Fn::Cidr",
            "Fn::FindInMap",
            "Fn::GetAtt",
            "Fn::GetAZs",
            "Fn::ImportValue",
            "Fn::Join",
            "Fn::Select",
            "Fn::Split",
            "Fn::Sub",
            "Fn::Transform",
            "Fn::If",
            "Fn::Equals",
            "Fn::Not",
            "Fn::And",
            "Fn::Or",
            "Fn::ToJsonString",
            "Fn::Length",
            "Fn::ForEach");

    private final String label;
    private int nodes;

    private SourceReader(String label) {
        this.label = label;
    }

    public static Src readFile(Path file, String label) throws ImportException {
        Position start = new Position(label, 1, 1);
        byte[] bytes;
        try {
            if (Files.isDirectory(file))
                throw new ImportException(new Position(label, 0, 0), "is a directory, expected a YAML or JSON file");
            long size = Files.size(file);
            if (size > MAX_BYTES)
                throw new ImportException(
                        start, "file is " + size + " bytes; the limit is " + MAX_BYTES + " bytes (5 MB)");
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportException(
                    new Position(label, 0, 0),
                    "cannot read file: " + e.getClass().getSimpleName().replace("Exception", "")
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new ImportException(start, "not a text file: found a NUL byte at offset " + i);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(start, "not valid UTF-8 text");
        }
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text, label);
    }

    public static Src read(String text, String label) throws ImportException {
        return new SourceReader(label).parse(text);
    }

    private Src parse(String text) throws ImportException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit((int) MAX_BYTES)
                .setUseMarks(true)
                .build();
        try {
            Parser parser = new DepthGuard(new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = new Composer(settings, parser).getSingleNode();
            if (root.isEmpty()
                    || root.get() instanceof ScalarNode s
                            && s.getTag().equals(Tag.NULL)
                            && s.getValue().isEmpty()) {
                throw new ImportException(new Position(label, 1, 1), "file is empty");
            }
            return convert(root.get(), 0);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark()
                    .filter(m -> m.getIndex() < text.length())
                    .or(e::getContextMark)
                    .or(e::getProblemMark)
                    .orElse(null);
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            String message = (context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem)
                    .strip()
                    .replaceAll("\\s+", " ");
            throw new ImportException(
                    mark == null ? new Position(label, 1, 1) : position(mark), "YAML syntax: " + message);
        } catch (YamlEngineException e) {
            String m = e.getMessage() == null
                    ? "invalid YAML"
                    : e.getMessage().strip().replaceAll("\\s+", " ");
            if (m.startsWith("Number of aliases")) m = "too many aliases (more than " + MAX_ALIASES + "): refused";
            throw new ImportException(new Position(label, 1, 1), m);
        } catch (TooDeep e) {
            throw new ImportException(e.at, "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Position position(Mark mark) {
        return new Position(label, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Position start(Node node) {
        return node.getStartMark().map(this::position).orElse(new Position(label, 1, 1));
    }

    private Src convert(Node node, int depth) throws ImportException {
        if (++nodes > MAX_NODES)
            throw new ImportException(
                    start(node), "more than " + MAX_NODES + " values after expanding aliases (alias bomb?)");
        if (depth > MAX_DEPTH) throw new TooDeep(start(node));
        Src plain;
        if (node instanceof ScalarNode s) {
            plain = scalar(s);
        } else if (node instanceof SequenceNode seq) {
            List<Src> items = new ArrayList<>();
            for (Node child : seq.getValue()) items.add(convert(child, depth + 1));
            plain = new Src.Seq(items, start(node));
        } else {
            plain = mapping((MappingNode) node, depth);
        }
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!") || tag.startsWith("!!") || tag.equals("!")) return plain;
        String name = tag.substring(1);
        String longName = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        if (!INTRINSICS.contains(longName)) return new Src.Fn(tag, plain, start(node));
        if (longName.equals("Fn::GetAtt") && plain instanceof Src.Scalar s && s.value() != null) {
            int dot = s.text().indexOf('.');
            if (dot > 0) {
                Position p = s.position();
                plain = new Src.Seq(
                        List.of(
                                new Src.Scalar(
                                        s.text().substring(0, dot), s.text().substring(0, dot), p),
                                new Src.Scalar(
                                        s.text().substring(dot + 1), s.text().substring(dot + 1), p)),
                        p);
            }
        }
        return new Src.Fn(longName, plain, start(node));
    }

    private Src mapping(MappingNode map, int depth) throws ImportException {
        Map<String, Src.Obj.Entry> entries = new LinkedHashMap<>();
        List<Src.Obj> merges = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw new ImportException(
                        start(t.getKeyNode()),
                        "a map key must be a plain value, not a "
                                + (t.getKeyNode() instanceof SequenceNode ? "list" : "map"));
            }
            Src value = convert(t.getValueNode(), depth + 1);
            String name = key.getValue();
            if (name.equals("<<") && key.isPlain()) {
                if (value instanceof Src.Obj o) merges.add(o);
                else if (value instanceof Src.Seq s && s.items().stream().allMatch(Src.Obj.class::isInstance))
                    s.items().forEach(i -> merges.add((Src.Obj) i));
                else throw new ImportException(value.position(), "a merge key '<<' takes a map or a list of maps");
                continue;
            }
            Src.Obj.Entry previous = entries.get(name);
            if (previous != null) {
                throw new ImportException(
                        start(key),
                        "duplicate key '" + name + "' (first defined at line "
                                + previous.keyPosition().line() + ")");
            }
            entries.put(name, new Src.Obj.Entry(name, start(key), value));
        }
        for (Src.Obj merged : merges) merged.entries().forEach(entries::putIfAbsent);
        Position at = start(map);
        if (entries.size() == 1) {
            Src.Obj.Entry only = entries.values().iterator().next();
            if (INTRINSICS.contains(only.key()) && map.getTag().equals(Tag.MAP))
                return new Src.Fn(only.key(), only.value(), at);
        }
        return new Src.Obj(entries, at);
    }

    private Src scalar(ScalarNode s) {
        String text = s.getValue();
        Tag tag = s.getTag();
        Object value;
        if (tag.equals(Tag.NULL)) value = null;
        else if (tag.equals(Tag.BOOL)) value = Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        else if (tag.equals(Tag.INT)) value = integer(text);
        else if (tag.equals(Tag.FLOAT)) value = floating(text);
        else value = text;
        return new Src.Scalar(value, text, start(s));
    }

    private static Object integer(String text) {
        try {
            String t = text.startsWith("+") ? text.substring(1) : text;
            BigInteger big = t.startsWith("0o")
                    ? new BigInteger(t.substring(2), 8)
                    : t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object floating(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Position at;

        TooDeep(Position at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** Counts open collections as the parser streams them, so that the recursive composer never sees absurd nesting. */
    private final class DepthGuard implements Parser {
        private final Parser inner;
        private int open;

        DepthGuard(Parser inner) {
            this.inner = inner;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return inner.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return inner.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return inner.hasNext();
        }

        @Override
        public Event next() {
            Event e = inner.next();
            Event.ID id = e.getEventId();
            if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
                if (++open > MAX_DEPTH)
                    throw new TooDeep(
                            e.getStartMark().map(SourceReader.this::position).orElse(new Position(label, 1, 1)));
            } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
                open--;
            }
            return e;
        }
    }
}
