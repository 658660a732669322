package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.List;

/** A template value that is either plain text or an expression, and how it is written in JSON or inside another expression. */
record ArmValue(String text, String expression) {

    static ArmValue text(String text) {
        return new ArmValue(text, null);
    }

    static ArmValue expression(String inner) {
        return new ArmValue(null, inner);
    }

    boolean isText() {
        return expression == null;
    }

    /** The value inside another expression. */
    String inner() {
        return isText() ? Arm.quote(text) : expression;
    }

    /** The value as a JSON string of the template. */
    String json() {
        return isText() ? Arm.literal(text) : Arm.expression(expression);
    }

    /** The parts one after another: text stays text, anything else becomes {@code concat(...)}. */
    static ArmValue concat(List<ArmValue> parts) {
        if (parts.stream().allMatch(ArmValue::isText)) {
            StringBuilder b = new StringBuilder();
            parts.forEach(p -> b.append(p.text()));
            return text(b.toString());
        }
        List<String> args = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (ArmValue p : parts) {
            if (p.isText()) {
                text.append(p.text());
                continue;
            }
            if (text.length() > 0) args.add(Arm.quote(text.toString()));
            text.setLength(0);
            args.add(p.inner());
        }
        if (text.length() > 0) args.add(Arm.quote(text.toString()));
        return args.size() == 1 ? expression(args.get(0)) : expression(Arm.call("concat", args.toArray(String[]::new)));
    }
}
