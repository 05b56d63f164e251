package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runtime switches for the whole cache and each tier (before/after comparisons, debugging). */
public final class CacheToggles {
    private final AtomicBoolean all = new AtomicBoolean(true);
    private final Map<Tier, AtomicBoolean> tiers = new EnumMap<>(Tier.class);

    public CacheToggles(Map<Tier, Boolean> initial) {
        for (Tier tier : Tier.values()) {
            tiers.put(tier, new AtomicBoolean(initial.getOrDefault(tier, true)));
        }
    }

    /** True when both the cache and this tier are on. */
    public boolean active(Tier tier) {
        return all.get() && tiers.get(tier).get();
    }

    public boolean cacheEnabled() {
        return all.get();
    }

    public boolean tierEnabled(Tier tier) {
        return tiers.get(tier).get();
    }

    public void setCacheEnabled(boolean enabled) {
        all.set(enabled);
    }

    public void setTierEnabled(Tier tier, boolean enabled) {
        tiers.get(tier).set(enabled);
    }
}
