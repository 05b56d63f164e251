package dev.cachedeck.model.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The phases of the before/after scenario, in the order they are usually run. */
public enum PhaseName {
    /** Cache switched off: every read goes to the database. */
    OFF,
    /** Cache on, everything under the key prefix flushed just before; no warm-up, or it would not be cold. */
    COLD,
    /** Cache on, not flushed: what the cold phase left behind plus this phase's own warm-up. */
    WARM,
    /** Cache on but Redis unreachable: requests must still succeed from the database. */
    REDIS_DOWN;

    /** Lower case with dashes ({@code redis-down}), as on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PhaseName> fromWire(String text) {
        return Arrays.stream(values()).filter(phase -> phase.wireName().equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
