package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import java.util.List;

/**
 * What one instance, or the fleet, did over the dashboard's window, computed as the dashboard's tiles compute
 * theirs: requests per second over the seconds held, hits over lookups of every tier, statements per request
 * weighted by requests; p95 is the last second's, like the tile. A field is null when there was nothing to
 * measure (no requests, no lookups), so no made-up 0 is shown.
 */
public record WindowFigures(Double requestsPerSecond, Double hitRate, Long p95Micros, Long errors,
                            Double dbStatementsPerRequest) {
    /** An instance that is not answering: nothing of it is current. */
    public static final WindowFigures NONE = new WindowFigures(null, null, null, null, null);

    /**
     * The figures of {@code window} (oldest first), its requests spread over {@code seconds}: the fleet's lines
     * all count the fleet's seconds, so that the instances' rates add up to the fleet's.
     */
    public static WindowFigures of(List<StatsTick> window, long seconds) {
        if (window.isEmpty()) {
            return NONE;
        }
        // The window's seconds summed as an instance's seconds are summed into the fleet's: the same rules
        // (only the counts of the sum are read here).
        StatsTick total = FleetTicks.sum(window);
        long hits = 0;
        long lookups = 0;
        for (TierTick tier : total.tiers().values()) {
            hits += tier.hits();
            lookups += tier.hits() + tier.misses();
        }
        StatsTick last = window.getLast();
        return new WindowFigures((double) total.requests() / seconds, lookups == 0 ? null : (double) hits / lookups,
                last.latency().count() == 0 ? null : last.latency().p95Micros(), total.errors(),
                total.requests() == 0 ? null : total.dbStatementsPerRequest());
    }
}
