package dev.strato.importer;

import dev.strato.model.bind.ModelSchema;
import dev.strato.model.support.Names;
import java.util.Locale;

/** Legal strato names for imported functions, resources and services. */
final class ImportNames {

    private ImportNames() {}

    /** {@code hello_world} → {@code helloWorld}; names that are already legal stay. */
    static String function(String key) {
        if (key.matches(ModelSchema.FUNCTION_NAME)) return key;
        String camel = camel(key);
        return camel.length() > 64 ? camel.substring(0, 64) : camel;
    }

    /** {@code OrdersTable} (type table) → {@code orders}; {@code my-queue} → {@code myQueue}. */
    static String resource(String logicalId, String type) {
        String base = camel(logicalId);
        String suffix = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        if (base.endsWith(suffix) && base.length() > suffix.length())
            base = base.substring(0, base.length() - suffix.length());
        base = Character.toLowerCase(base.charAt(0)) + base.substring(1);
        return base.length() > 64 ? base.substring(0, 64) : base;
    }

    /** {@code CreateOrderFunction} → {@code createOrder}. */
    static String functionFromLogicalId(String logicalId) {
        String base = logicalId.endsWith("Function") && logicalId.length() > "Function".length()
                ? logicalId.substring(0, logicalId.length() - "Function".length())
                : logicalId;
        String name = camel(base);
        return function(Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }

    /** Letters and digits only, words joined in camel case, starting with a letter. */
    static String camel(String text) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                if (b.length() == 0 && !Character.isLetter(c)) continue;
                b.append(upper && b.length() > 0 ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return b.length() == 0 ? "imported" : b.toString();
    }

    /** A service name: 2-31 lowercase letters, digits or -, starting with a letter. */
    static String service(String text) {
        String s = Names.kebab(text.strip())
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "")
                .replaceAll("-{2,}", "-");
        if (s.length() > 31) s = s.substring(0, 31);
        s = s.replaceAll("-+$", "");
        return s.length() < 2 ? "imported" : s;
    }
}
