package dev.strato.local;

import dev.strato.model.service.Function;
import dev.strato.model.service.Value;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The function's environment from the model as this machine can give it: text as is, a
 * {@code ${ref:RESOURCE.ATTR}} as the resource's logical name (the name the handler's local
 * backend keys its in-memory tables, queues and buckets by), a {@code ${secret:NAME}} from the
 * user's environment variable NAME (or NAME in upper snake case), else left unset with a warning.
 */
final class FunctionEnvironment {

    private FunctionEnvironment() {}

    static Map<String, String> resolve(Function f, Map<String, String> userEnvironment, Consumer<String> warn) {
        Map<String, String> out = new LinkedHashMap<>();
        f.environment().forEach((name, value) -> {
            String resolved = text(value, userEnvironment);
            if (resolved != null) {
                out.put(name, resolved);
            } else {
                warn.accept(name + " is not set: " + value.source() + " needs a secret; set " + secretNames(value)
                        + " in your environment");
            }
        });
        return out;
    }

    /** The value, or null when a secret it needs is not in the user's environment. */
    private static String text(Value value, Map<String, String> env) {
        if (value instanceof Value.Text t) return t.text();
        if (value instanceof Value.Ref r) return r.resource();
        if (value instanceof Value.Secret s) {
            String v = env.get(s.name());
            return v != null ? v : env.get(snake(s.name()));
        }
        StringBuilder b = new StringBuilder();
        for (Value part : ((Value.Concat) value).parts()) {
            String t = text(part, env);
            if (t == null) return null;
            b.append(t);
        }
        return b.toString();
    }

    private static String secretNames(Value value) {
        if (value instanceof Value.Secret s) {
            String snake = snake(s.name());
            return snake.equals(s.name()) ? s.name() : s.name() + " or " + snake;
        }
        return ((Value.Concat) value)
                .parts().stream()
                        .filter(Value.Secret.class::isInstance)
                        .map(FunctionEnvironment::secretNames)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
    }

    /** {@code payments-api-key} → {@code PAYMENTS_API_KEY}: a name a shell can export. */
    static String snake(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
