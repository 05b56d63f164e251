package dev.cachedeck.desktop.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRowTest {
    private static final LatencyPercentiles LATENCY = new LatencyPercentiles(10, 900, 5_000, 9_000, 12_000);

    private static TierStats tier(Tier tier, String route, long hits, long misses) {
        return new TierStats(tier, route, hits, misses, 0, misses, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void eachRouteTakesTheTierRowsOfItsOwnNameNotTheTotals() {
        StatsSnapshot snapshot = new StatsSnapshot("127.0.0.1:8080", Instant.EPOCH, Instant.EPOCH, 14, 1,
                List.of(tier(Tier.RESPONSE, "*", 7, 7), tier(Tier.RESPONSE, "profile", 6, 4),
                        tier(Tier.RESPONSE, "job", 1, 3), tier(Tier.QUERY, "profile", 0, 4),
                        tier(Tier.MODEL, "profile", 0, 0)),
                List.of(new RouteStats("profile", 10, 0, LATENCY, LATENCY, LATENCY, 1.5),
                        new RouteStats("PUT /api/profiles/{user_id}", 4, 1, LATENCY, LATENCY, LATENCY, 3)),
                null, null, true, true, List.of(), null);

        List<EndpointRow> rows = EndpointRow.of("127.0.0.1:8080", snapshot);

        EndpointRow profile = rows.getFirst();
        assertEquals(new EndpointRow("127.0.0.1:8080", "profile", 10, null, 0.6, 0.0, null, 900, 5_000, 9_000, 1.5, 0), profile);
        EndpointRow write = rows.get(1);
        assertNull(write.responseHitRate());
        assertNull(write.hitRate(Tier.QUERY));
        assertEquals(1, write.errors());
    }
}
