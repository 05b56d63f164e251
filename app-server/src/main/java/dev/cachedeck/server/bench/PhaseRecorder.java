package dev.cachedeck.server.bench;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.RouteResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/** The measured window of one phase: per-route recorders plus what the schedule intended and dropped. */
final class PhaseRecorder {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final PhaseName phase;
    // Filled once in the constructor and only read afterwards: safe to share between recording threads.
    private final Map<String, RouteRecorder> routes = new LinkedHashMap<>();
    private final LongAdder intended = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile long trafficDigest = FNV_OFFSET;

    PhaseRecorder(PhaseName phase, String[] routeNames) {
        this.phase = phase;
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
     * order), so a report shows whether two phases sent the same requests. Scheduling thread only.
     */
    void scheduled(PlannedRequest request) {
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
        return new PhaseResult(phase, seconds, intended.sum(), completed, errors, dropped.sum(),
                HexFormat.of().toHexDigits(trafficDigest),
                RouteRecorder.throughput(completed - errors, seconds), RouteRecorder.summary(latency),
                RouteRecorder.tierRates(reads), RouteRecorder.ratio(readsFromCache, readsAnswered),
                RouteRecorder.ratio(statements, answered), RouteRecorder.ratio(readStatements, readsAnswered),
                routeResults, complete, null);
    }
}
