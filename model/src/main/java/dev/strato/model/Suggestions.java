package dev.strato.model;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean" hints for misspelt names. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate within a third of the word's length, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, Math.min(3, (word.length() + 2) / 3));
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = c.toLowerCase(Locale.ROOT).equals(lower) ? 0 : distance.apply(lower, c.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestScore && d < word.length()) {
                best = c;
                bestScore = d;
            }
        }
        return best;
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String best = closest(word, candidates);
        return best == null || best.equals(word) ? "" : " (did you mean '" + best + "'?)";
    }
}
