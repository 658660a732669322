package dev.strato.model.vars;

import java.util.ArrayList;
import java.util.List;

/** The brace and comma rules of {@code ${...}} expressions, shared with readers of similar syntaxes (import). */
public final class VariableSyntax {

    private VariableSyntax() {}

    /** Index of the brace closing an expression whose body starts at {@code from}, or -1; nested {@code ${}} and quotes are skipped. */
    public static int matchingBrace(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    /** Index of the first comma outside nested expressions, quotes and parentheses, or -1. */
    public static int topLevelComma(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} cut at every top-level comma. */
    public static List<String> splitAtCommas(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        for (int comma = topLevelComma(rest); comma >= 0; comma = topLevelComma(rest)) {
            out.add(rest.substring(0, comma));
            rest = rest.substring(comma + 1);
        }
        out.add(rest);
        return out;
    }
}
