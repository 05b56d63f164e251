package dev.cachedeck.desktop.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Named settings of the simulated database delay, so a presenter chooses by what the delay stands for. The
 * delay is simulated (the server sleeps before each statement); the names say which real setting it imitates.
 */
public enum DbDelayPreset {
    LOCAL("local database", 0),
    NETWORKED("networked database", 1),
    BUSY("busy database", 5);

    private final String name;
    private final double millis;

    DbDelayPreset(String name, double millis) {
        this.name = name;
        this.millis = millis;
    }

    public double millis() {
        return millis;
    }

    /** e.g. {@code networked database: 1 ms per statement (simulated)}. */
    public String label() {
        return String.format(Locale.ROOT, "%s: %s ms per statement (simulated)", name,
                millis == Math.rint(millis) ? String.valueOf((long) millis) : String.valueOf(millis));
    }

    /** The preset with exactly this delay, if any. */
    public static Optional<DbDelayPreset> matching(double millis) {
        return Arrays.stream(values()).filter(preset -> preset.millis == millis).findFirst();
    }
}
