package dev.cachedeck.model.bench;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of one phase's measured window (warm-up excluded), overall and per route.
 *
 * @param seconds            measured wall-clock length of the window
 * @param intended           requests the schedule intended to send in the window
 * @param requests           requests that completed (any outcome)
 * @param errors             non-2xx answers, timeouts and connection failures
 * @param dropped            scheduled requests that could not start within the start bound (every connection busy)
 * @param offeredRate        requests per second the open-loop schedule offered
 * @param achievedRate       answers (any status) per second of the planned window (intended / offeredRate)
 * @param keptUp             whether the server kept up with the offered rate: nothing dropped (no request waited
 *                           longer than the start timeout for a connection) and at least {@value #KEPT_UP_SHARE} of
 *                           the offered rate answered. When false the phase was saturated: requests queued for a
 *                           connection, and its latency is mostly that queueing
 * @param trafficDigest      64-bit hash (hex) of the window's requests in send order (method, path, body): equal
 *                           digests mean two phases sent the same traffic
 * @param throughputPerSecond successful (2xx) answers per second of the window
 * @param readHitRate        share of read requests answered without a database statement while a tier hit
 * @param dbStatementsPerRequest mean {@code X-DB-Queries} over all answered requests, reads and writes
 * @param dbStatementsPerRead    the same over reads only
 * @param complete           false while the phase is still running (live figures)
 * @param capacity           the closed-loop saturation run after the window; null when disabled
 *                           ({@code capacitySeconds} 0) or not run yet
 * @param ceilingRatio       capacity / the run's ceiling ({@code GET /api/ping} on the same server); null without both
 * @param timeline           per second of the window: throughput, p50 and p99 (empty in live figures)
 * @param percentiles        the latency distribution from p50 to p99.99 (empty in live figures)
 * @param answeredBy         answers per {@code X-CacheDeck-Instance}, by instance id: which server instances
 *                           answered (several behind a load balancer)
 */
public record PhaseResult(PhaseName phase, double seconds, long intended, long requests, long errors, long dropped,
                          double offeredRate, double achievedRate, boolean keptUp, String trafficDigest,
                          double throughputPerSecond, LatencySummary latency, List<TierHitRate> tiers,
                          double readHitRate, double dbStatementsPerRequest, double dbStatementsPerRead,
                          List<RouteResult> routes, boolean complete, CapacityResult capacity, Double ceilingRatio,
                          List<TimelinePoint> timeline, List<PercentilePoint> percentiles,
                          Map<String, Long> answeredBy) {

    public static final double KEPT_UP_SHARE = 0.95;

    public PhaseResult {
        tiers = List.copyOf(tiers);
        routes = List.copyOf(routes);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        percentiles = percentiles == null ? List.of() : List.copyOf(percentiles);
        answeredBy = answeredBy == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(answeredBy));
    }

    /** Whether a window with these figures kept up with its schedule (see {@code keptUp}). */
    public static boolean keptUp(long dropped, double offeredRate, double achievedRate) {
        return dropped == 0 && achievedRate >= KEPT_UP_SHARE * offeredRate;
    }

    /** With the closed-loop capacity run and, when the run measured one, its share of the ceiling. */
    public PhaseResult withCapacity(CapacityResult measured, CapacityResult ceiling) {
        Double ratio = measured == null || ceiling == null || ceiling.perSecond() <= 0 ? null
                : measured.perSecond() / ceiling.perSecond();
        return new PhaseResult(phase, seconds, intended, requests, errors, dropped, offeredRate, achievedRate, keptUp,
                trafficDigest, throughputPerSecond, latency, tiers, readHitRate, dbStatementsPerRequest,
                dbStatementsPerRead, routes, complete, measured, ratio, timeline, percentiles, answeredBy);
    }

    /** The same figures marked as not final (a live view, or a phase cut short by a stop). */
    public PhaseResult asIncomplete() {
        return new PhaseResult(phase, seconds, intended, requests, errors, dropped, offeredRate, achievedRate, keptUp,
                trafficDigest, throughputPerSecond, latency, tiers, readHitRate, dbStatementsPerRequest,
                dbStatementsPerRead, routes, false, capacity, ceilingRatio, timeline, percentiles, answeredBy);
    }
}
