package dev.strato.cli;

import java.util.Locale;

/** Byte counts and rates for people: 812 B, 39.5 KB, 1.2 MB/s. */
final class Sizes {

    private Sizes() {}

    static String bytes(double bytes) {
        if (bytes < 1024) return (long) bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024 * 1024));
    }

    static String rate(double bytesPerSecond) {
        return bytes(bytesPerSecond) + "/s";
    }
}
