package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hits, misses, errors, puts, bypasses and invalidations per tier and route, as in-process
 * {@link LongAdder}s: increments never lose updates (the seed's GET+SET counters in Redis did),
 * and counting costs no Redis round trip.
 */
public final class CacheCounters {
    private final Map<Key, Cells> cells = new ConcurrentHashMap<>();
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

    /** One row of counters: an immutable snapshot. */
    public record Row(Tier tier, String route, long hits, long misses, long errors, long puts, long bypasses,
                      long invalidations, long refusedStale) {
        public double hitRate() {
            long lookups = hits + misses;
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
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

    public List<Row> snapshot() {
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, c) -> rows.add(new Row(key.tier(), key.route(), c.hits.sum(), c.misses.sum(),
                c.errors.sum(), c.puts.sum(), c.bypasses.sum(), c.invalidations.sum(), c.refusedStale.sum())));
        rows.sort((a, b) -> a.tier() != b.tier() ? a.tier().compareTo(b.tier()) : a.route().compareTo(b.route()));
        return rows;
    }

    /** Totals per tier over all routes. */
    public Row total(Tier tier) {
        long[] sums = new long[7];
        for (Row row : snapshot()) {
            if (row.tier() == tier) {
                sums[0] += row.hits();
                sums[1] += row.misses();
                sums[2] += row.errors();
                sums[3] += row.puts();
                sums[4] += row.bypasses();
                sums[5] += row.invalidations();
                sums[6] += row.refusedStale();
            }
        }
        return new Row(tier, "*", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6]);
    }

    public void reset() {
        cells.clear();
        resets.incrementAndGet();
    }

    /** How many times the counters were reset, so a reader of deltas knows when totals started again from zero. */
    public long resets() {
        return resets.get();
    }

    private Cells cells(Tier tier, String route) {
        return cells.computeIfAbsent(new Key(tier, route), key -> new Cells());
    }
}
