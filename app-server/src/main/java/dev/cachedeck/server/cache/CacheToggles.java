package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runtime switches for the whole cache and each tier (before/after comparisons, debugging). */
public final class CacheToggles {
    private final AtomicBoolean all = new AtomicBoolean(true);
    private final Map<Tier, AtomicBoolean> tiers = new EnumMap<>(Tier.class);
    private final Runnable changed;

    /** {@code changed} runs after every switch that changes something. */
    public CacheToggles(Map<Tier, Boolean> initial, Runnable changed) {
        this.changed = changed;
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
        if (all.getAndSet(enabled) != enabled) {
            changed.run();
        }
    }

    public void setTierEnabled(Tier tier, boolean enabled) {
        if (tiers.get(tier).getAndSet(enabled) != enabled) {
            changed.run();
        }
    }
}
