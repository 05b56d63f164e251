package dev.cachedeck.model.bench;

import java.util.List;

/**
 * Figures of one route in one phase. Reads are named as the cached routes ({@code profile}, {@code reviews},
 * {@code ratings}, {@code payments}, {@code job}, {@code clientjobs}); writes as {@code write-review},
 * {@code write-profile}, {@code write-payment}, {@code write-job}.
 *
 * @param requests             requests that completed (answered, failed or timed out) in the measured window
 * @param errors               requests without a 2xx answer, including timeouts and connection failures
 * @param readHitRate          share of requests answered without any database statement while a tier hit
 * @param dbStatementsPerRequest mean of {@code X-DB-Queries} over the answered requests
 */
public record RouteResult(String route, boolean write, long requests, long errors, double throughputPerSecond,
                          LatencySummary latency, List<TierHitRate> tiers, double readHitRate,
                          double dbStatementsPerRequest) {

    public RouteResult {
        tiers = List.copyOf(tiers);
    }
}
