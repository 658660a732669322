package dev.strato.insight.cost;

import dev.strato.model.providers.Provider;
import java.math.BigDecimal;
import java.util.List;

/**
 * One provider's monthly estimate: gross lines (before free tiers), the free-tier credit (per
 * account: applied once to the service's sum), the total, and what was assumed.
 */
public record Estimate(
        Provider provider,
        String region,
        String plan,
        List<Line> lines,
        BigDecimal freeTier,
        BigDecimal total,
        List<String> assumptions) {

    public Estimate {
        lines = List.copyOf(lines);
        assumptions = List.copyOf(assumptions);
    }

    /** @param function the function the line is for, or null for a service-wide line */
    public record Line(
            String group, String function, String meter, BigDecimal quantity, String unit, BigDecimal cost) {}

    /** The gross cost of one function (all its lines), before free tiers. */
    public BigDecimal functionCost(String function) {
        return lines.stream()
                .filter(l -> function.equals(l.function()))
                .map(Line::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The gross cost of one group of lines (compute, api, messaging, tables, logs). */
    public BigDecimal groupCost(String group) {
        return lines.stream()
                .filter(l -> group.equals(l.group()))
                .map(Line::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
