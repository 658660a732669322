package dev.strato.generator.gcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a configuration tree of {@link Tf} values as Terraform JSON: keys in the tree's order, two runs give the same bytes. */
final class TerraformJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TerraformJson() {}

    static String write(Map<String, Object> tree) {
        return JSON.writeValueAsString(plain(tree)) + "\n";
    }

    /** The tree with every {@link Tf} value turned into the string Terraform reads. */
    static Object plain(Object value) {
        if (value instanceof String s) return Tf.escape(s);
        if (value instanceof Tf.Expr e) return "${" + e.code() + "}";
        if (value instanceof Tf.Template t) {
            StringBuilder b = new StringBuilder();
            for (Object p : t.parts()) b.append(plain(p));
            return b.toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, plain(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        if (value instanceof Number || value instanceof Boolean) return value;
        throw new IllegalArgumentException("not a Terraform JSON value: " + value);
    }
}
