package dev.cachedeck.desktop.shell;

import dev.cachedeck.model.Tier;
import java.util.Locale;

/** The one mapping from a tier to its CSS style class; cachedeck.css gives each class the tier's colour. */
public final class TierStyle {
    private TierStyle() {
    }

    /** {@code tier-response}, {@code tier-query}, {@code tier-model}. */
    public static String styleClass(Tier tier) {
        return "tier-" + wireName(tier);
    }

    /** The tier's name in admin paths and JSON maps: {@code response}, {@code query}, {@code model}. */
    public static String wireName(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    public static Tier fromWire(String name) {
        return Tier.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
