package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One route of the Endpoints table, numbers kept raw so the columns sort by value; the cells format them.
 * A tier hit rate is null when the tier was never asked on this route (an uncached route, or the tier off).
 *
 * @param instance the instance the figures are of, or {@link #ALL} for every instance watched together
 */
public record EndpointRow(String instance, String route, long requests, Double nearHitRate, Double responseHitRate,
                         Double queryHitRate, Double modelHitRate, long p50Micros, long p95Micros, long p99Micros,
                         double dbStatementsPerRequest, long errors) {
    /** The instance column of a row that sums every instance. */
    public static final String ALL = "all";

    /** One row per route of one instance's snapshot, with the tier rows of the same route name. */
    public static List<EndpointRow> of(String instance, StatsSnapshot snapshot) {
        return of(instance, snapshot.routes(), snapshot.tiers());
    }

    static List<EndpointRow> of(String instance, List<StatsSnapshot.RouteStats> routes,
                                List<StatsSnapshot.TierStats> tiers) {
        return routes.stream().map(route -> of(instance, route, tiers)).toList();
    }

    private static EndpointRow of(String instance, StatsSnapshot.RouteStats route, List<StatsSnapshot.TierStats> tiers) {
        Map<Tier, Double> hitRates = new EnumMap<>(Tier.class);
        for (StatsSnapshot.TierStats tier : tiers) {
            if (tier.route().equals(route.route()) && tier.hits() + tier.misses() > 0) {
                hitRates.put(tier.tier(), (double) tier.hits() / (tier.hits() + tier.misses()));
            }
        }
        return new EndpointRow(instance, route.route(), route.requests(), hitRates.get(Tier.NEAR),
                hitRates.get(Tier.RESPONSE), hitRates.get(Tier.QUERY), hitRates.get(Tier.MODEL),
                route.latency().p50Micros(), route.latency().p95Micros(), route.latency().p99Micros(),
                route.dbStatementsPerRequest(), route.errors());
    }

    public Double hitRate(Tier tier) {
        return switch (tier) {
            case NEAR -> nearHitRate;
            case RESPONSE -> responseHitRate;
            case QUERY -> queryHitRate;
            case MODEL -> modelHitRate;
        };
    }
}
