package dev.cachedeck.desktop.shell;

import dev.cachedeck.model.Tier;

/** The one mapping from a tier to its CSS style class; cachedeck.css gives each class the tier's colour. */
public final class TierStyle {
    private TierStyle() {
    }

    /** {@code tier-response}, {@code tier-query}, {@code tier-model}. */
    public static String styleClass(Tier tier) {
        return "tier-" + tier.wireName();
    }
}
