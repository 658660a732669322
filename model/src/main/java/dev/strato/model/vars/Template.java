package dev.strato.model.vars;

import java.util.ArrayList;
import java.util.List;

/**
 * Text split into literal pieces and {@code ${...}} expressions. {@code $${} is a literal
 * {@code ${}. Expressions nest: {@code ${param:${stage}Level}}.
 */
record Template(List<Part> parts) {

    sealed interface Part permits Literal, Expression {}

    record Literal(String text) implements Part {}

    /** {@code source} is the text between {@code ${} and the matching brace; {@code index} is where {@code ${} starts. */
    record Expression(String source, int index) implements Part {}

    static final class UnclosedException extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        UnclosedException(int index) {
            super(null, null, false, false);
            this.index = index;
        }
    }

    static boolean mayContainVariables(String text) {
        return text.contains("${");
    }

    boolean isSingleExpression() {
        return parts.size() == 1 && parts.get(0) instanceof Expression;
    }

    static Template parse(String text) throws UnclosedException {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = VariableSyntax.matchingBrace(text, i + 2);
                if (end < 0) throw new UnclosedException(i);
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Expression(text.substring(i + 2, end), i));
                i = end + 1;
            } else {
                literal.append(text.charAt(i++));
            }
        }
        if (!literal.isEmpty()) parts.add(new Literal(literal.toString()));
        return new Template(parts);
    }
}
