package dev.cachedeck.model.bench;

import java.util.List;

/**
 * Figures of one phase's measured window (warm-up excluded), overall and per route.
 *
 * @param seconds            measured wall-clock length of the window
 * @param intended           requests the schedule intended to send in the window
 * @param requests           requests that completed (any outcome)
 * @param errors             non-2xx answers, timeouts and connection failures
 * @param dropped            scheduled requests that could not start within the start bound (concurrency cap full)
 * @param trafficDigest      64-bit hash (hex) of the window's requests in send order (method, path, body): equal
 *                           digests mean two phases sent the same traffic
 * @param readHitRate        share of read requests answered without a database statement while a tier hit
 * @param dbStatementsPerRequest mean {@code X-DB-Queries} over all answered requests, reads and writes
 * @param dbStatementsPerRead    the same over reads only
 * @param complete           false while the phase is still running (live figures)
 * @param capacity           the closed-loop saturation run after the window; null when disabled
 *                           ({@code capacitySeconds} 0) or not run yet
 */
public record PhaseResult(PhaseName phase, double seconds, long intended, long requests, long errors, long dropped,
                          String trafficDigest,
                          double throughputPerSecond, LatencySummary latency, List<TierHitRate> tiers,
                          double readHitRate, double dbStatementsPerRequest, double dbStatementsPerRead,
                          List<RouteResult> routes, boolean complete,
                          CapacityResult capacity) {

    public PhaseResult {
        tiers = List.copyOf(tiers);
        routes = List.copyOf(routes);
    }

    public PhaseResult withCapacity(CapacityResult measured) {
        return new PhaseResult(phase, seconds, intended, requests, errors, dropped, trafficDigest, throughputPerSecond,
                latency, tiers, readHitRate, dbStatementsPerRequest, dbStatementsPerRead, routes, complete, measured);
    }

    /** The same figures marked as not final (a live view, or a phase cut short by a stop). */
    public PhaseResult asIncomplete() {
        return new PhaseResult(phase, seconds, intended, requests, errors, dropped, trafficDigest, throughputPerSecond,
                latency, tiers, readHitRate, dbStatementsPerRequest, dbStatementsPerRead, routes, false, capacity);
    }
}
