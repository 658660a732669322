package dev.strato.generator.azure;

import dev.strato.generator.OrderedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ARM template language as data: ordered maps for JSON objects, and the text of expressions
 * (without their brackets) built from quoted arguments, so that no name is ever pasted into an
 * expression unquoted.
 */
final class Arm {

    private Arm() {}

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        return OrderedMap.of(keysAndValues);
    }

    /** A string literal inside an expression: {@code 'it''s'}. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** {@code name(arg, ...)}; the arguments are expressions already. */
    static String call(String function, String... arguments) {
        return function + "(" + String.join(", ", arguments) + ")";
    }

    /** {@code resourceId('type', 'name', ...)} of a resource whose name segments are literal. */
    static String resourceId(String type, String... names) {
        List<String> args = new ArrayList<>();
        args.add(quote(type));
        for (String n : names) args.add(quote(n));
        return call("resourceId", args.toArray(String[]::new));
    }

    /** {@code reference(id, 'apiVersion')}: the runtime state of a resource of this template. */
    static String reference(String id, String type) {
        return call("reference", id, quote(ApiVersions.of(type)));
    }

    static String parameter(String name) {
        return call("parameters", quote(name));
    }

    static String variable(String name) {
        return call("variables", quote(name));
    }

    /** An expression as a JSON string value. */
    static String expression(String inner) {
        return "[" + inner + "]";
    }

    /** Text as a JSON string value: ARM reads a leading {@code [} as an expression unless it is doubled. */
    static String literal(String text) {
        return text.startsWith("[") ? "[" + text : text;
    }
}
