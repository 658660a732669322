package dev.strato.model.validate;

import dev.strato.model.providers.Limits;
import dev.strato.model.providers.Provider;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks a number against the limit table for every provider in force. */
final class LimitChecks {

    private final Context c;

    LimitChecks(Context c) {
        this.c = c;
    }

    /**
     * @param what how the value is named in the message ("timeout"), or null to start with the value
     * @param triggers trigger kinds the value applies to (empty: the function as a whole)
     */
    void check(String path, String limit, long value, String shown, String what, List<String> triggers) {
        for (Provider p : c.providers()) {
            String plan = c.planOf(p);
            Set<Limits.Limit> rows = new LinkedHashSet<>(Limits.of(p, limit, plan, null));
            for (String t : triggers) rows.addAll(Limits.of(p, limit, plan, t));
            for (Limits.Limit row : rows) {
                String problem = row.check(value);
                if (problem == null) continue;
                StringBuilder m = new StringBuilder();
                if (what != null) m.append(what).append(' ');
                m.append(shown).append(' ').append(problem);
                if (!row.trigger().equals(Limits.ANY)) {
                    m.append(" for ")
                            .append(row.trigger().equals("event") ? "event-driven" : row.trigger())
                            .append(" functions");
                }
                if (!row.plan().equals(Limits.ANY))
                    m.append(" on the ").append(row.plan()).append(" plan");
                m.append(" (").append(row.source()).append(')');
                c.report(row.severity(), path, m.toString());
            }
        }
    }
}
