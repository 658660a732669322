package dev.strato.model.support;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean" hints for misspelt names. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate within a third of the word's length, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = word.length() <= 3 ? 1 : Math.max(2, Math.min(3, (word.length() + 2) / 3));
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String other = c.toLowerCase(Locale.ROOT);
            int d = other.equals(lower) ? 0 : isAdjacentSwap(lower, other) ? 1 : distance.apply(lower, other);
            if (d >= 0 && d < bestScore && d < word.length()) {
                best = c;
                bestScore = d;
            }
        }
        return best;
    }

    /** {@code evn} and {@code env}: one typo that plain edit distance counts as two. */
    static boolean isAdjacentSwap(String a, String b) {
        if (a.length() != b.length()) return false;
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) first++;
        return first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    /**
     * Serverless Framework (and SAM) spellings a user brings along, too far from strato's names
     * for edit distance: {@code memorySize} is four edits from {@code memory}.
     */
    private static final java.util.Map<String, String> FRAMEWORK_SPELLINGS = java.util.Map.ofEntries(
            java.util.Map.entry("memorysize", "memory"),
            java.util.Map.entry("iamrolestatements", "permissions"),
            java.util.Map.entry("iam", "permissions"),
            java.util.Map.entry("policies", "permissions"),
            java.util.Map.entry("logretentionindays", "logRetentionDays"),
            java.util.Map.entry("httpapi", "http"),
            java.util.Map.entry("api", "http"),
            java.util.Map.entry("sqs", "queue"),
            java.util.Map.entry("s3", "bucket"),
            java.util.Map.entry("sns", "topic"),
            java.util.Map.entry("dynamodb", "table"),
            java.util.Map.entry("enviroment", "environment"),
            java.util.Map.entry("codeuri", "handler"),
            java.util.Map.entry("deadletterqueue", "deadLetter"),
            java.util.Map.entry("ondestination", "deadLetter"),
            java.util.Map.entry("patterns", "include"),
            java.util.Map.entry("architectures", "architecture"),
            java.util.Map.entry("maximumretryattempts", "retries"),
            java.util.Map.entry("rate", "schedule"));

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String alias = FRAMEWORK_SPELLINGS.get(word.toLowerCase(Locale.ROOT));
        if (alias != null && candidates.contains(alias)) return " (did you mean '" + alias + "'?)";
        String best = closest(word, candidates);
        return best == null || best.equals(word) ? "" : " (did you mean '" + best + "'?)";
    }
}
