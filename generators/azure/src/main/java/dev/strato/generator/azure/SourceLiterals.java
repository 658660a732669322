package dev.strato.generator.azure;

import java.util.Locale;

/**
 * Values written into generated JavaScript and Python source: strings quoted with only ASCII
 * inside (every other character escaped), numbers, booleans and null in each language's spelling.
 */
final class SourceLiterals {

    private SourceLiterals() {}

    static String js(Object value) {
        if (value == null) return "null";
        if (value instanceof String s) return quote(s, false);
        return value.toString();
    }

    static String python(Object value) {
        if (value == null) return "None";
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (value instanceof String s) return quote(s, true);
        return value.toString();
    }

    private static String quote(String s, boolean python) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') out.append('\\').appendCodePoint(c);
            else if (c >= 0x20 && c < 0x7f) out.appendCodePoint(c);
            else if (c <= 0xffff) out.append(String.format(Locale.ROOT, "\\u%04x", c));
            else out.append(String.format(Locale.ROOT, python ? "\\U%08x" : "\\u{%x}", c));
        });
        return out.append('"').toString();
    }
}
