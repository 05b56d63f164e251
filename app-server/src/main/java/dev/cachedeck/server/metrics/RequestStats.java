package dev.cachedeck.server.metrics;

import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.model.monitor.StatsSnapshot.StatementStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records every API request (the recording side, like Caffeine's StatsCounter): counts in {@link LongAdder}s and,
 * while instrumentation is on, latency in HdrHistogram {@link Recorder}s, which writers reach without a lock.
 * Reports are immutable records; making one drains the recorders into cumulative histograms under this object's
 * lock, so reporting never blocks a request.
 */
public final class RequestStats {
    /** Latencies above an hour are recorded as an hour. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 2;

    // Keys are route names: six cached routes and "METHOD /template" of the other API routes, so the map stays small.
    private final Map<String, RouteRecorder> routes = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final StatementCounts statements = new StatementCounts();
    private final Recorder tickLatency = newRecorder();
    private volatile long resets;
    private Histogram tickInterval;

    private static final class RouteRecorder {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder statements = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final Recorder hits = newRecorder();
        final Recorder misses = newRecorder();
        // Guarded by the RequestStats lock.
        final Histogram hitsSoFar = newHistogram();
        final Histogram missesSoFar = newHistogram();
    }

    /**
     * One finished API request. {@code responseHit}: answered whole from the response tier; {@code error}: a 5xx;
     * {@code timed}: instrumentation was on when the request began, so its latency goes into the histograms.
     */
    public void record(String route, boolean responseHit, boolean error, long nanos, int statementCount,
                       boolean timed) {
        RouteRecorder recorder = routes.computeIfAbsent(route, name -> new RouteRecorder());
        recorder.requests.increment();
        recorder.statements.add(statementCount);
        recorder.nanos.add(nanos);
        requests.increment();
        statements.record(statementCount);
        if (error) {
            recorder.errors.increment();
            errors.increment();
        }
        if (timed) {
            long micros = Math.min(Math.max(nanos / 1_000, 0), HIGHEST_MICROS);
            (responseHit ? recorder.hits : recorder.misses).recordValue(micros);
            tickLatency.recordValue(micros);
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long statements() {
        return statements.statements();
    }

    public StatementStats statementStats() {
        return statements.snapshot();
    }

    /** Latency of every request since the previous call; the stats ticker is the only caller. */
    synchronized LatencyPercentiles drainTickLatency() {
        tickInterval = tickLatency.getIntervalHistogram(tickInterval);
        return percentiles(tickInterval);
    }

    /** Figures per route since the last reset, sorted by route. */
    public synchronized List<RouteStats> routes() {
        List<RouteStats> rows = new ArrayList<>();
        routes.forEach((name, recorder) -> {
            recorder.hitsSoFar.add(recorder.hits.getIntervalHistogram());
            recorder.missesSoFar.add(recorder.misses.getIntervalHistogram());
            Histogram all = recorder.hitsSoFar.copy();
            all.add(recorder.missesSoFar);
            long count = recorder.requests.sum();
            rows.add(new RouteStats(name, count, recorder.errors.sum(), percentiles(all),
                    percentiles(recorder.hitsSoFar), percentiles(recorder.missesSoFar),
                    count == 0 ? 0 : (double) recorder.statements.sum() / count));
        });
        rows.sort(Comparator.comparing(RouteStats::route));
        return rows;
    }

    /** Total time spent in each route's requests since the last reset, in seconds (always counted). */
    public Map<String, Double> secondsByRoute() {
        Map<String, Double> seconds = new TreeMap<>();
        routes.forEach((name, recorder) -> seconds.put(name, recorder.nanos.sum() / 1e9));
        return seconds;
    }

    public synchronized void reset() {
        routes.clear();
        requests.reset();
        errors.reset();
        statements.reset();
        resets++;
    }

    /** How many times the figures were reset, so a reader of deltas knows when totals started again from zero. */
    public long resets() {
        return resets;
    }

    private static LatencyPercentiles percentiles(Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new LatencyPercentiles(0, 0, 0, 0, 0);
        }
        return new LatencyPercentiles(count, histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    private static Recorder newRecorder() {
        return new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }
}
