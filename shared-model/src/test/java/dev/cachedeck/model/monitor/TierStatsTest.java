package dev.cachedeck.model.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import org.junit.jupiter.api.Test;

class TierStatsTest {
    private final TierStats before = new TierStats(Tier.QUERY, "*", 10, 30, 1, 30, 2, 5, 0, 7, 0);
    private final TierStats now = new TierStats(Tier.QUERY, "*", 40, 40, 1, 40, 2, 9, 1, 8, 3);

    @Test
    void theDeltaOfASecondIsNowMinusBeforeAndHitRateFollowsTheCounts() {
        TierStats second = now.minus(before);
        assertEquals(new TierStats(Tier.QUERY, "*", 30, 10, 0, 10, 0, 4, 1, 1, 3), second);
        assertEquals(0.75, second.hitRate());
        assertEquals(now, before.plus(second));
    }

    @Test
    void countersThatStartedAgainFromZeroNeverGiveANegativeDelta() {
        assertEquals(TierStats.empty(Tier.QUERY, "*"), before.minus(now).minus(before));
        assertEquals(0, before.minus(now).hits());
        assertEquals(0, TierStats.empty(Tier.MODEL, "job").hitRate());
    }

    @Test
    void theJsonShapeIsUnchangedAndAStaleHitRateIsRecomputed() throws Exception {
        ObjectMapper mapper = CacheDeckJson.newMapper();
        String json = mapper.writeValueAsString(now);
        assertEquals("{\"tier\":\"QUERY\",\"route\":\"*\",\"hits\":40,\"misses\":40,\"errors\":1,\"puts\":40,"
                + "\"bypasses\":2,\"invalidations\":9,\"refusedStale\":1,\"expired\":8,\"evicted\":3,\"hitRate\":0.5}", json);
        assertEquals(now, mapper.readValue(json.replace("\"hitRate\":0.5", "\"hitRate\":0.9"), TierStats.class));
    }

    @Test
    void theCacheStatusRowSpellsTheTierByItsWireName() {
        assertEquals(new CacheStatus.TierCounters("query", "*", 40, 40, 1, 40, 2, 9, 1, 0.5),
                CacheStatus.TierCounters.of(now));
    }
}
