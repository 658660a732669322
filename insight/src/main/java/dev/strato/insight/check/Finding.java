package dev.strato.insight.check;

import dev.strato.model.diag.Position;
import dev.strato.model.providers.Provider;
import java.util.Comparator;

/** One place where a rule applies: where, which model path, the message, and the provider it concerns (null: all). */
public record Finding(Rule rule, Position position, String path, String message, Provider provider) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::position)
            .thenComparing(f -> f.rule().id())
            .thenComparing(Finding::path)
            .thenComparing(f -> f.provider() == null ? "" : f.provider().id());

    public Level level() {
        return rule.level();
    }

    /** {@code strato.yml:12:7: warning: functions.api.timeout: message [rule-id]}. */
    public String format() {
        String where = position.toString();
        return (where.isEmpty() ? "" : where + ": ") + level().label() + ": " + (path.isEmpty() ? "" : path + ": ")
                + message + (provider == null ? "" : " (" + provider.id() + ")") + " [" + rule.id() + "]";
    }
}
