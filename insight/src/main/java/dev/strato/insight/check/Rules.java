package dev.strato.insight.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalog: every rule, in a fixed order (SARIF's rule index depends on it). Ids never change once released. */
public final class Rules {

    private static final List<Rule> ALL;

    static {
        List<Rule> all = new ArrayList<>();
        all.addAll(ReliabilityRules.ALL);
        all.addAll(SecurityRules.ALL);
        all.addAll(PortabilityRules.ALL);
        all.addAll(OperationsRules.ALL);
        ALL = List.copyOf(all);
        if (ALL.stream().map(Rule::id).distinct().count() != ALL.size())
            throw new IllegalStateException("duplicate rule id");
    }

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
