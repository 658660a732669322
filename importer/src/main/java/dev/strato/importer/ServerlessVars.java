package dev.strato.importer;

import java.util.ArrayList;
import java.util.List;

/** Splits Serverless Framework variable syntax: {@code ${source, fallback, ...}} with nesting. */
final class ServerlessVars {

    /** A variable: its source ({@code self:provider.stage}) and its fallbacks as written. */
    record Var(String source, List<String> fallbacks, String raw) {}

    private ServerlessVars() {}

    /** The text as literal Strings and {@link Var}s; null when a {@code ${} is not closed. */
    static List<Object> parts(String text) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        StringBuilder literal = new StringBuilder();
        while (i < text.length()) {
            if (text.startsWith("${", i)) {
                int end = dev.strato.model.vars.VariableSyntax.matchingBrace(text, i + 2);
                if (end < 0) return null;
                if (literal.length() > 0) parts.add(literal.toString());
                literal.setLength(0);
                String inner = text.substring(i + 2, end);
                List<String> pieces = split(inner);
                parts.add(new Var(
                        pieces.get(0).strip(),
                        pieces.subList(1, pieces.size()).stream()
                                .map(String::strip)
                                .toList(),
                        text.substring(i, end + 1)));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (literal.length() > 0) parts.add(literal.toString());
        return parts;
    }

    /** Splits at commas outside nested variables, parentheses and quotes. */
    static List<String> split(String inner) {
        return dev.strato.model.vars.VariableSyntax.splitAtCommas(inner);
    }

    static boolean isQuoted(String s) {
        return s.length() >= 2
                && (s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0);
    }

    static boolean isStage(String source) {
        return source.equals("opt:stage")
                || source.equals("sls:stage")
                || source.equals("self:provider.stage")
                || source.equals("stage");
    }
}
