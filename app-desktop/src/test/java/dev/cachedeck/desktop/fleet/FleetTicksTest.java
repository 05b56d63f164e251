package dev.cachedeck.desktop.fleet;

import static dev.cachedeck.desktop.fleet.StatsFixtures.tick;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.NearFigures;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetTicksTest {
    @Test
    void aFleetSecondSumsCountsRecomputesRatesAndTakesTheSlowestInstancesPercentiles() {
        StatsTick busy = tick(100, 90, 1, 81, 9, 4_000, 0.1);
        StatsTick slow = tick(100, 10, 2, 1, 9, 30_000, 2.0);

        StatsTick fleet = FleetTicks.sum(List.of(busy, slow));

        assertEquals(100, fleet.requests());
        assertEquals(3, fleet.errors());
        assertEquals(new TierTick(82, 18, 0, 18), fleet.tiers().get(Tier.RESPONSE), "82 % hit, not the mean 50 %");
        assertEquals(30_000, fleet.latency().p95Micros());
        assertEquals(100, fleet.latency().count());
        assertEquals((90 * 0.1 + 10 * 2.0) / 100, fleet.dbStatementsPerRequest(), 1e-9);
    }

    @Test
    void theFleetsNearTierIsItsInstancesNearTiersAddedUp() {
        NearFigures a = new NearFigures(true, 10, 4, Map.of("purge", 1L), 2, 0, 100, 10_000, 1_000, 1 << 20, 45_000);
        NearFigures b = new NearFigures(false, 5, 1, Map.of("purge", 1L, "tracking-lost", 1L), 0, 3, 50, 5_000,
                1_000, 1 << 20, 45_000);

        NearFigures fleet = FleetTicks.sum(List.of(StatsFixtures.withNear(tick(1, 1, 0, 1, 0, 100, 0), a),
                StatsFixtures.withNear(tick(1, 1, 0, 1, 0, 100, 0), b), tick(1, 1, 0, 1, 0, 100, 0))).near();

        assertEquals(new NearFigures(false, 15, 5, Map.of("purge", 2L, "tracking-lost", 1L), 2, 3, 150, 15_000,
                2_000, 2 << 20, 45_000), fleet);
    }

    @Test
    void aSecondIsMergedOnceWhenEveryInstanceHasReportedIt() {
        FleetTicks merger = new FleetTicks();
        List<StatsTick> ahead = List.of(tick(1, 1, 0, 1, 0, 100, 0), tick(2, 1, 0, 1, 0, 100, 0),
                tick(3, 1, 0, 1, 0, 100, 0));
        List<StatsTick> behind = List.of(tick(1, 2, 0, 1, 1, 100, 0), tick(2, 2, 0, 1, 1, 100, 0));

        List<StatsTick> first = merger.next(List.of(ahead, behind), List.of());
        assertEquals(List.of(1L, 2L), first.stream().map(StatsTick::second).toList(), "second 3 waits for the other");
        assertEquals(3, first.getFirst().requests());

        List<StatsTick> caughtUp = List.of(tick(1, 2, 0, 1, 1, 100, 0), tick(2, 2, 0, 1, 1, 100, 0),
                tick(3, 5, 0, 1, 1, 100, 0));
        List<StatsTick> second = merger.next(List.of(ahead, caughtUp), List.of());
        assertEquals(List.of(3L), second.stream().map(StatsTick::second).toList());
        assertEquals(6, second.getFirst().requests());
        assertEquals(List.of(), merger.next(List.of(ahead, caughtUp), List.of()));
    }

    @Test
    void theSecondsASilentInstanceReportedStillCountButItHoldsNothingBack() {
        FleetTicks merger = new FleetTicks();
        List<StatsTick> answering = List.of(tick(1, 5, 0, 0, 0, 100, 0), tick(2, 5, 0, 0, 0, 100, 0));
        List<StatsTick> silent = List.of(tick(1, 3, 0, 0, 0, 100, 0));

        List<StatsTick> merged = merger.next(List.of(answering), List.of(silent));

        assertEquals(List.of(8L, 5L), merged.stream().map(StatsTick::requests).toList());
    }

    @Test
    void anInstanceWithNothingReportedHoldsNothingBack() {
        FleetTicks merger = new FleetTicks();

        List<StatsTick> merged = merger.next(List.of(List.of(tick(7, 1, 0, 0, 1, 100, 1)), List.of()), List.of());

        assertEquals(List.of(7L), merged.stream().map(StatsTick::second).toList());
    }
}
