package dev.cachedeck.desktop.shell;

import java.util.Locale;

/** How every view writes sizes and durations, so "1.2 KiB" and "0.35 ms" read the same on each tab. */
public final class Units {
    private Units() {
    }

    /** Microseconds as milliseconds: two decimals below 10 ms, where the decimals still mean something. */
    public static String millis(long micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%.0f ms", micros / 1000.0);
    }

    /** Bytes below 1 KiB exactly, above it in KiB or MiB; negative (unknown) as a dash. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** A hit rate in [0, 1] as a percentage with one decimal. */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
