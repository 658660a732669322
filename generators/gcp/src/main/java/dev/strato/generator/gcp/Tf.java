package dev.strato.generator.gcp;

import dev.strato.generator.OrderedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Terraform JSON values as data. A plain Java string is literal text (written with {@code ${} and
 * {@code %{} escaped, so model text can never inject an expression); an {@link Expr} is an
 * expression; a {@link Template} is text with expressions inside.
 */
final class Tf {

    private Tf() {}

    /** A Terraform expression, such as {@code google_pubsub_topic.jobs.id}, written as {@code "${...}"}. */
    record Expr(String code) {}

    /** One string of literal text and expressions, written as a single Terraform template. */
    record Template(List<Object> parts) {
        Template {
            for (Object p : parts) {
                if (!(p instanceof String) && !(p instanceof Expr))
                    throw new IllegalArgumentException("not text or an expression: " + p);
            }
            parts = List.copyOf(parts);
        }
    }

    static Expr expr(String code) {
        return new Expr(code);
    }

    /** {@code <type>.<name>.<attribute>}; the attribute may be a path such as {@code service_config[0].uri}. */
    static Expr ref(String type, String name, String attribute) {
        return new Expr(type + "." + name + "." + attribute);
    }

    static Expr var(String name) {
        return new Expr("var." + name);
    }

    /** Text and expressions (or nested templates) in order; a single expression stays an expression. */
    static Object template(Object... parts) {
        List<Object> flat = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Template t) flat.addAll(t.parts());
            else flat.add(p);
        }
        if (flat.size() == 1 && flat.get(0) instanceof Expr e) return e;
        if (flat.stream().allMatch(String.class::isInstance))
            return String.join("", flat.stream().map(String.class::cast).toList());
        return new Template(flat);
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        return OrderedMap.of(keysAndValues);
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** Literal text as Terraform reads it back: {@code ${} and {@code %{} doubled. */
    static String escape(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }
}
