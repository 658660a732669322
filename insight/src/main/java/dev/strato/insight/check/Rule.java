package dev.strato.insight.check;

import dev.strato.model.providers.Provider;
import java.util.List;

/**
 * One best-practice, reliability or portability rule: a stable id (what CI suppressions and SARIF
 * name), its level, why it matters, the fix, a source link (or null) and the providers it is
 * about (empty: every provider).
 */
public record Rule(
        String id,
        Level level,
        String title,
        String why,
        String fix,
        String source,
        List<Provider> providers,
        Check check) {

    public Rule {
        providers = List.copyOf(providers);
    }

    /** Finds this rule's problems in a service. */
    @FunctionalInterface
    public interface Check {
        void run(Subject subject, Report report);
    }

    /** Whether the rule says something about a run that targets {@code targeted}. */
    public boolean appliesTo(List<Provider> targeted) {
        return providers.isEmpty() || providers.stream().anyMatch(targeted::contains);
    }
}
