package dev.cachedeck.desktop.client;

import dev.cachedeck.model.Tier;
import java.util.Locale;

/** A tier's name on the wire (admin paths, query parameters and JSON maps): {@code response}, {@code query}, {@code model}. */
public final class TierWire {
    private TierWire() {
    }

    public static String name(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    public static Tier fromName(String name) {
        return Tier.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
