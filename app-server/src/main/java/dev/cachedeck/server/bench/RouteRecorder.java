package dev.cachedeck.server.bench;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.bench.LatencySummary;
import dev.cachedeck.model.bench.RouteResult;
import dev.cachedeck.model.bench.TierHitRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the requests of one route answered in one phase. Recorded by many virtual threads at once
 * (LongAdders, an HdrHistogram {@link Recorder}), read for live figures while recording goes on.
 *
 * <p>Latency goes through a {@code Recorder} rather than a {@code ConcurrentHistogram}: the live status
 * is read every half second while the phase is measured, and copying a ConcurrentHistogram takes a
 * lock per bucket (2–7 ms per copy, two copies per route per read, on the cores the server under test
 * uses). A Recorder hands over what was recorded since the last read without blocking the writers,
 * and the reader folds it into a plain histogram.
 */
final class RouteRecorder {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int TIER_COUNT = Tier.values().length;

    private final String route;
    private final boolean write;
    private final Recorder latencyRecorder = new Recorder(HIGHEST_MICROS, 3);
    // Both only under this object's lock: every latency handed over by the recorder so far, and the
    // interval histogram the recorder reuses for the next hand-over.
    private final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
    private Histogram interval;
    private final LongAdder completed = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder dbStatements = new LongAdder();
    private final LongAdder servedFromCache = new LongAdder();
    private final LongAdder[] hits = adders();
    private final LongAdder[] misses = adders();
    private final LongAdder[] bypasses = adders();

    RouteRecorder(String route, boolean write) {
        this.route = route;
        this.write = write;
    }

    String route() {
        return route;
    }

    boolean write() {
        return write;
    }

    /** An answer with a status; the headers may be absent (e.g. on an error page). */
    void answered(long latencyNanos, int status, Map<Tier, String> cacheOutcomes, int statements) {
        record(latencyNanos);
        if (status < 200 || status > 299) {
            errors.increment();
        }
        answered.increment();
        dbStatements.add(statements);
        boolean anyHit = false;
        for (Map.Entry<Tier, String> outcome : cacheOutcomes.entrySet()) {
            int tier = outcome.getKey().ordinal();
            switch (outcome.getValue()) {
                case "HIT" -> {
                    hits[tier].increment();
                    anyHit = true;
                }
                case "MISS" -> misses[tier].increment();
                case "BYPASS" -> bypasses[tier].increment();
                default -> { }
            }
        }
        if (anyHit && statements == 0) {
            servedFromCache.increment();
        }
    }

    /** No answer: timeout, refused or reset connection. */
    void failed(long latencyNanos) {
        record(latencyNanos);
        errors.increment();
    }

    private void record(long latencyNanos) {
        completed.increment();
        latencyRecorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
    }

    long completed() {
        return completed.sum();
    }

    long errors() {
        return errors.sum();
    }

    long answeredCount() {
        return answered.sum();
    }

    long dbStatements() {
        return dbStatements.sum();
    }

    long servedFromCache() {
        return servedFromCache.sum();
    }

    long hits(Tier tier) {
        return hits[tier.ordinal()].sum();
    }

    long misses(Tier tier) {
        return misses[tier.ordinal()].sum();
    }

    long bypasses(Tier tier) {
        return bypasses[tier.ordinal()].sum();
    }

    /** Every latency recorded so far, as a copy the caller owns. */
    synchronized Histogram latencySnapshot() {
        interval = latencyRecorder.getIntervalHistogram(interval);
        latencyMicros.add(interval);
        return latencyMicros.copy();
    }

    RouteResult result(double seconds, Histogram latency) {
        long answeredCount = answered.sum();
        return new RouteResult(route, write, completed.sum(), errors.sum(),
                throughput(completed.sum() - errors.sum(), seconds), summary(latency),
                tierRates(List.of(this)), ratio(servedFromCache.sum(), answeredCount),
                ratio(dbStatements.sum(), answeredCount));
    }

    static List<TierHitRate> tierRates(List<RouteRecorder> recorders) {
        List<TierHitRate> rates = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long tierHits = recorders.stream().mapToLong(r -> r.hits(tier)).sum();
            long tierMisses = recorders.stream().mapToLong(r -> r.misses(tier)).sum();
            long tierBypasses = recorders.stream().mapToLong(r -> r.bypasses(tier)).sum();
            rates.add(new TierHitRate(tier, tierHits, tierMisses, tierBypasses, ratio(tierHits, tierHits + tierMisses)));
        }
        return rates;
    }

    static LatencySummary summary(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return LatencySummary.EMPTY;
        }
        return new LatencySummary(millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()), micros.getMean() / 1000.0);
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double throughput(long requests, double seconds) {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[TIER_COUNT];
        for (int i = 0; i < TIER_COUNT; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }
}
