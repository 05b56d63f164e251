package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hits, misses, errors, puts, bypasses and invalidations per tier and route, as in-process
 * {@link LongAdder}s: increments never lose updates (the seed's GET+SET counters in Redis did),
 * and counting costs no Redis round trip. Entries Redis expired or evicted by itself are counted per
 * tier only: a query or model key does not say which route filled it.
 */
public final class CacheCounters {
    /** The route of a tier's total row. */
    public static final String TOTAL = "*";

    private final Map<Key, Cells> cells = new ConcurrentHashMap<>();
    private final Map<Tier, LongAdder> expired = adders();
    private final Map<Tier, LongAdder> evicted = adders();
    private final AtomicLong resets = new AtomicLong();

    private record Key(Tier tier, String route) {
    }

    private static final class Cells {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder puts = new LongAdder();
        final LongAdder bypasses = new LongAdder();
        final LongAdder invalidations = new LongAdder();
        final LongAdder refusedStale = new LongAdder();
    }

    public void hit(Tier tier, String route) {
        cells(tier, route).hits.increment();
    }

    public void miss(Tier tier, String route) {
        cells(tier, route).misses.increment();
    }

    public void error(Tier tier, String route) {
        cells(tier, route).errors.increment();
    }

    public void put(Tier tier, String route) {
        cells(tier, route).puts.increment();
    }

    public void bypass(Tier tier, String route) {
        cells(tier, route).bypasses.increment();
    }

    public void refusedStale(Tier tier, String route) {
        cells(tier, route).refusedStale.increment();
    }

    public void invalidated(Tier tier, String route, long keys) {
        cells(tier, route).invalidations.add(keys);
    }

    /** An entry of {@code tier} reached its TTL. */
    public void expired(Tier tier) {
        expired.get(tier).increment();
    }

    /** Redis evicted an entry of {@code tier} to stay under maxmemory. */
    public void evicted(Tier tier) {
        evicted.get(tier).increment();
    }

    /** One row per tier and route, sorted; {@code expired} and {@code evicted} are 0 on route rows. */
    public List<TierStats> snapshot() {
        List<TierStats> rows = new ArrayList<>();
        cells.forEach((key, c) -> rows.add(new TierStats(key.tier(), key.route(), c.hits.sum(), c.misses.sum(),
                c.errors.sum(), c.puts.sum(), c.bypasses.sum(), c.invalidations.sum(), c.refusedStale.sum(), 0, 0)));
        rows.sort((a, b) -> a.tier() != b.tier() ? a.tier().compareTo(b.tier()) : a.route().compareTo(b.route()));
        return rows;
    }

    /** Totals per tier over all routes ({@code route = "*"}), with what Redis expired and evicted. */
    public TierStats total(Tier tier) {
        TierStats total = new TierStats(tier, TOTAL, 0, 0, 0, 0, 0, 0, 0, expired.get(tier).sum(),
                evicted.get(tier).sum());
        for (TierStats row : snapshot()) {
            if (row.tier() == tier) {
                total = total.plus(row);
            }
        }
        return total;
    }

    public void reset() {
        cells.clear();
        expired.values().forEach(LongAdder::reset);
        evicted.values().forEach(LongAdder::reset);
        resets.incrementAndGet();
    }

    /** How many times the counters were reset, so a reader of deltas knows when totals started again from zero. */
    public long resets() {
        return resets.get();
    }

    private static Map<Tier, LongAdder> adders() {
        Map<Tier, LongAdder> adders = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            adders.put(tier, new LongAdder());
        }
        return adders;
    }

    private Cells cells(Tier tier, String route) {
        return cells.computeIfAbsent(new Key(tier, route), key -> new Cells());
    }
}
