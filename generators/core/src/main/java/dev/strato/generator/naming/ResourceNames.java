package dev.strato.generator.naming;

import dev.strato.model.support.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic cloud resource names: {@code <service>-<stage>-<name>} in kebab case, cut to a
 * provider's length limit with a short hash of the whole name, so that two long names that share
 * a prefix still differ.
 */
public final class ResourceNames {

    /** Hex digits of the hash that replaces a cut tail. */
    public static final int HASH_DIGITS = 8;

    private final String prefix;

    public ResourceNames(String service, String stage) {
        this.prefix = Names.kebab(service) + "-" + Names.kebab(stage);
    }

    /** {@code <service>-<stage>}, within {@code maxLength}. */
    public String base(int maxLength) {
        return fit(prefix, maxLength);
    }

    /** {@code <service>-<stage>-<kebab name>}, within {@code maxLength}. */
    public String of(String name, int maxLength) {
        return fit(prefix + "-" + Names.kebab(name), maxLength);
    }

    /** {@code name} itself when short enough, else its head, a hyphen and a hash of the whole name. */
    public static String fit(String name, int maxLength) {
        if (maxLength < HASH_DIGITS + 2)
            throw new IllegalArgumentException("a length limit of " + maxLength + " leaves no room for a hash");
        if (name.length() <= maxLength) return name;
        String head = name.substring(0, maxLength - HASH_DIGITS - 1);
        while (head.endsWith("-")) head = head.substring(0, head.length() - 1);
        return head + "-" + hash(name);
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
