package dev.cachedeck.server.bench;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.bench.PercentilePoint;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.RouteResult;
import dev.cachedeck.model.bench.TimelinePoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The measured window of one phase: per-route recorders, what the schedule intended and dropped, and a
 * per-second timeline (latency of the requests due in each second, answers received in each second).
 */
final class PhaseRecorder {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** Where the distribution plot starts and ends: the median to one request in ten thousand. */
    private static final double[] PERCENTILES = {50, 60, 70, 75, 80, 85, 90, 93, 95, 97, 98, 99, 99.3, 99.5, 99.7,
        99.8, 99.9, 99.93, 99.95, 99.97, 99.98, 99.99};

    private final PhaseName phase;
    private final double offeredRate;
    // One slot per second of the planned window plus slack for answers that arrive after it; later seconds
    // fold into the last slot. Two significant digits per second are enough for a plot and keep each small.
    private final ConcurrentHistogram[] dueLatency;
    private final AtomicLongArray answeredIn;
    private volatile long windowStart;
    // Filled once in the constructor and only read afterwards: safe to share between recording threads.
    private final Map<String, RouteRecorder> routes = new LinkedHashMap<>();
    private final LongAdder intended = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile long trafficDigest = FNV_OFFSET;
    // Behind a load balancer: answers per X-CacheDeck-Instance, a handful of keys written by every recording thread.
    private final Map<String, LongAdder> answeredBy = new ConcurrentHashMap<>();

    PhaseRecorder(PhaseName phase, String[] routeNames, double offeredRate, double windowSeconds) {
        this.phase = phase;
        this.offeredRate = offeredRate;
        int slots = (int) Math.ceil(windowSeconds) + 15;
        this.dueLatency = new ConcurrentHistogram[slots];
        for (int i = 0; i < slots; i++) {
            dueLatency[i] = new ConcurrentHistogram(HIGHEST_MICROS, 2);
        }
        this.answeredIn = new AtomicLongArray(slots);
        for (String route : routeNames) {
            routes.put(route, new RouteRecorder(route, route.startsWith("write-")));
        }
    }

    PhaseName phase() {
        return phase;
    }

    RouteRecorder route(String name) {
        return Optional.ofNullable(routes.get(name)).orElseThrow(() -> new IllegalArgumentException(name));
    }

    /**
     * Folds the next scheduled request into the window's traffic digest (FNV-1a over the signatures in send
     * order), so a report shows whether two phases sent the same requests. Scheduling thread only; the first
     * request's intended time is where the window's timeline starts.
     */
    void scheduled(PlannedRequest request, long intendedNanos) {
        if (windowStart == 0) {
            windowStart = intendedNanos;
        }
        long hash = trafficDigest;
        String signature = request.signature();
        for (int i = 0; i < signature.length(); i++) {
            hash = (hash ^ signature.charAt(i)) * FNV_PRIME;
        }
        trafficDigest = (hash ^ '\n') * FNV_PRIME;
    }

    void intended() {
        intended.increment();
    }

    void dropped() {
        dropped.increment();
    }

    /** Puts one finished request on the timeline; {@code success}: a 2xx answer. */
    void timed(long intendedNanos, long latencyNanos, boolean success) {
        long start = windowStart;
        dueLatency[slot(intendedNanos - start)].recordValue(Math.min(HIGHEST_MICROS, Math.max(0, latencyNanos / 1000)));
        if (success) {
            answeredIn.incrementAndGet(slot(intendedNanos + latencyNanos - start));
        }
    }

    /** Counts one answer of the server instance {@code instance} names; answers without the header are not counted. */
    void answeredBy(String instance) {
        if (instance != null) {
            answeredBy.computeIfAbsent(instance, id -> new LongAdder()).increment();
        }
    }

    private int slot(long sinceStartNanos) {
        return (int) Math.min(dueLatency.length - 1, Math.max(0, sinceStartNanos / 1_000_000_000L));
    }

    /**
     * Parses {@code X-Cache: api=MISS, query=HIT, model=HIT}; tiers the header does not name are left out,
     * so a tier that was never asked does not count as a miss.
     */
    static Map<Tier, String> cacheOutcomes(String header) {
        Map<Tier, String> outcomes = new EnumMap<>(Tier.class);
        if (header == null || header.isBlank()) {
            return outcomes;
        }
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2) {
                tierNamed(pair[0].trim()).ifPresent(tier -> outcomes.put(tier, pair[1].trim()));
            }
        }
        return outcomes;
    }

    private static Optional<Tier> tierNamed(String name) {
        return switch (name) {
            case "near" -> Optional.of(Tier.NEAR);
            case "api", "response" -> Optional.of(Tier.RESPONSE);
            case "query" -> Optional.of(Tier.QUERY);
            case "model" -> Optional.of(Tier.MODEL);
            default -> Optional.empty();
        };
    }

    PhaseResult result(double seconds, boolean complete) {
        List<RouteRecorder> all = List.copyOf(routes.values());
        List<RouteRecorder> reads = all.stream().filter(r -> !r.write()).toList();
        Histogram latency = new Histogram(3);
        List<RouteResult> routeResults = new ArrayList<>();
        long completed = 0;
        long errors = 0;
        long answered = 0;
        long statements = 0;
        for (RouteRecorder route : all) {
            Histogram routeLatency = route.latencySnapshot();
            latency.add(routeLatency);
            if (route.completed() > 0) {
                routeResults.add(route.result(seconds, routeLatency));
            }
            completed += route.completed();
            errors += route.errors();
            answered += route.answeredCount();
            statements += route.dbStatements();
        }
        long readsAnswered = reads.stream().mapToLong(RouteRecorder::answeredCount).sum();
        long readStatements = reads.stream().mapToLong(RouteRecorder::dbStatements).sum();
        long readsFromCache = reads.stream().mapToLong(RouteRecorder::servedFromCache).sum();
        // Over the planned window (the schedule's length), not the measured one: a slow last answer stretches the
        // measured window and would read as falling behind although every request was sent on time.
        double achieved = RouteRecorder.throughput(completed, intended.sum() / offeredRate);
        return new PhaseResult(phase, seconds, intended.sum(), completed, errors, dropped.sum(), offeredRate, achieved,
                PhaseResult.keptUp(dropped.sum(), offeredRate, achieved), HexFormat.of().toHexDigits(trafficDigest),
                RouteRecorder.throughput(completed - errors, seconds), RouteRecorder.summary(latency),
                RouteRecorder.tierRates(reads), RouteRecorder.ratio(readsFromCache, readsAnswered),
                RouteRecorder.ratio(statements, answered), RouteRecorder.ratio(readStatements, readsAnswered),
                routeResults, complete, null, null, complete ? timeline(seconds) : List.of(),
                complete ? percentiles(latency) : List.of(), answeredBy());
    }

    private Map<String, Long> answeredBy() {
        Map<String, Long> counts = new TreeMap<>();
        answeredBy.forEach((instance, count) -> counts.put(instance, count.sum()));
        return counts;
    }

    /** Per second of the window; read once at the end, since copying every second's histogram is not free. */
    private List<TimelinePoint> timeline(double seconds) {
        List<TimelinePoint> points = new ArrayList<>();
        int last = Math.min(dueLatency.length - 1, (int) Math.ceil(seconds) - 1);
        for (int second = 0; second <= last; second++) {
            Histogram due = dueLatency[second].copy();
            points.add(new TimelinePoint(second, answeredIn.get(second),
                    due.getTotalCount() == 0 ? 0 : due.getValueAtPercentile(50) / 1000.0,
                    due.getTotalCount() == 0 ? 0 : due.getValueAtPercentile(99) / 1000.0));
        }
        return points;
    }

    private static List<PercentilePoint> percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return List.of();
        }
        List<PercentilePoint> points = new ArrayList<>();
        for (double percentile : PERCENTILES) {
            points.add(new PercentilePoint(percentile, micros.getValueAtPercentile(percentile) / 1000.0));
        }
        return points;
    }
}
