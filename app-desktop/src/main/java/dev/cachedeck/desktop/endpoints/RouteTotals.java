package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.desktop.fleet.SlowestLatency;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row per route for several instances together: requests, errors and every tier's counters are summed (so
 * hit rates come from the summed hits and misses), statements per request are weighted by requests, and the
 * latency percentiles are the slowest instance's, since percentiles of different instances do not add up.
 */
final class RouteTotals {
    private RouteTotals() {
    }

    static List<EndpointRow> of(List<StatsSnapshot> snapshots) {
        Map<String, List<RouteStats>> routes = new LinkedHashMap<>();
        Map<String, TierStats> tiers = new LinkedHashMap<>();
        for (StatsSnapshot snapshot : snapshots) {
            snapshot.routes().forEach(route -> routes.computeIfAbsent(route.route(), name -> new ArrayList<>()).add(route));
            snapshot.tiers().forEach(tier -> tiers.merge(tier.tier() + " " + tier.route(), tier, TierStats::plus));
        }
        List<RouteStats> summed = routes.values().stream().map(RouteTotals::sum).toList();
        return EndpointRow.of(EndpointRow.ALL, summed, List.copyOf(tiers.values()));
    }

    private static RouteStats sum(List<RouteStats> instances) {
        long requests = 0;
        long errors = 0;
        double statements = 0;
        for (RouteStats route : instances) {
            requests += route.requests();
            errors += route.errors();
            statements += route.dbStatementsPerRequest() * route.requests();
        }
        return new RouteStats(instances.getFirst().route(), requests, errors,
                SlowestLatency.of(instances.stream().map(RouteStats::latency).toList()),
                SlowestLatency.of(instances.stream().map(RouteStats::responseHits).toList()),
                SlowestLatency.of(instances.stream().map(RouteStats::responseMisses).toList()),
                requests == 0 ? 0 : statements / requests);
    }
}
