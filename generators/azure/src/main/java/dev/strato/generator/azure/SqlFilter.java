package dev.strato.generator.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A topic event's {@code filter} as a Service Bus SQL filter on the message's application
 * properties: every key must have one of its values ({@code user.type IN ('order')}), keys
 * joined by AND (service-bus-messaging-sql-filter).
 */
final class SqlFilter {

    private SqlFilter() {}

    static String of(Map<String, List<String>> filter) {
        List<String> terms = new ArrayList<>();
        filter.forEach((key, values) -> terms.add("user." + identifier(key) + " IN ("
                + values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")"));
        return String.join(" AND ", terms);
    }

    /** A plain name as is, any other in brackets. */
    private static String identifier(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "[" + name.replace("]", "]]") + "]";
    }
}
