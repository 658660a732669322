package dev.strato.generator.gcp;

import dev.strato.generator.Warnings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tags as GCP labels, which allow only lowercase letters, digits, {@code _} and {@code -}, at most
 * 63 characters, keys starting with a letter: other characters become {@code _}. A tag whose label
 * key another tag already took is left out, with a warning.
 */
final class Labels {

    static final int MAX_LENGTH = 63;

    private Labels() {}

    static Map<String, Object> of(Map<String, String> tags, String owner, Warnings warnings) {
        Map<String, Object> labels = new LinkedHashMap<>();
        tags.forEach((k, v) -> {
            String key = clean(k);
            if (!Character.isLetter(key.isEmpty() ? '_' : key.charAt(0))) key = clean("t_" + key);
            if (labels.putIfAbsent(key, clean(v)) != null) {
                warnings.warn(
                        owner + ": tag " + k + " becomes label " + key + ", which another tag already is: left out");
            }
        });
        return labels;
    }

    static String clean(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }
}
