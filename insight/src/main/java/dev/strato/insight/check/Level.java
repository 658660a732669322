package dev.strato.insight.check;

import java.util.Locale;

/** How much a finding matters; the names are SARIF's result levels. */
public enum Level {
    ERROR,
    WARNING,
    NOTE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a finding at this level reaches {@code threshold} (error is above warning, warning above note). */
    public boolean atLeast(Level threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
