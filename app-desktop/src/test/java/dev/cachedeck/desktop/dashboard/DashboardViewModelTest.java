package dev.cachedeck.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.NearFigures;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private static StatsTick tick(long second) {
        return tick(second, Map.of(Tier.RESPONSE, new TierTick(8, 2, 0, 2)), null);
    }

    private static StatsTick tick(long second, Map<Tier, TierTick> tiers, NearFigures near) {
        return new StatsTick(second, 10, 0, tiers, new LatencyPercentiles(10, 500, 2_000, 3_000, 4_000), 0.5,
                new RedisFigures(2L << 20, 42, 0, 0, 0, 0, 0, 1), List.of(), near);
    }

    /** The near tier's figures since the server started, as a tick carries them. */
    private static NearFigures near(boolean filling, long pushed, long invalidated, Map<String, Long> clears,
                                    long evicted, long size) {
        return new NearFigures(filling, pushed, invalidated, clears, evicted, 0, size, size * 1024, 100_000,
                64L << 20, 45_000);
    }

    @Test
    void theNearTileShowsItsHitRateWhatItHoldsAndWhatLeftItWithinTheWindow() {
        DashboardViewModel model = new DashboardViewModel();
        Map<Tier, TierTick> tiers = Map.of(Tier.NEAR, new TierTick(3, 1, 0, 1),
                Tier.RESPONSE, new TierTick(1, 0, 0, 0));

        model.accept(List.of(
                tick(100, tiers, near(true, 40, 30, Map.of("purge", 1L), 5, 10)),
                tick(101, tiers, near(true, 47, 34, Map.of("purge", 1L, "tier-toggle", 2L), 5, 12)),
                tick(102, tiers, near(false, 50, 36, Map.of("purge", 1L, "tier-toggle", 3L), 7, 0))));

        assertEquals("75.0 %", model.nearHitRateProperty().get());
        assertEquals("not filling · 0 entries · 0 B of 64.0 MiB   ·   "
                        + "in the window: keys pushed 10 · invalidated 6 · evicted 2 · cleared tier-toggle 3",
                model.nearDetailProperty().get(), "counts since start become the window's differences");

        model.accept(List.of(tick(400, tiers, near(true, 51, 36, Map.of("purge", 1L, "tier-toggle", 3L), 7, 1))));
        assertEquals("1 entry · 1.0 KiB of 64.0 MiB   ·   in the window: keys pushed 11 · invalidated 6 · evicted 2"
                        + " · cleared tier-toggle 3", model.nearDetailProperty().get(),
                "the tick before the 5-minute window is where its counts start");
    }

    @Test
    void aServerWithoutANearTierSaysSo() {
        DashboardViewModel model = new DashboardViewModel();
        model.accept(List.of(tick(100), tick(101)));
        assertEquals("—", model.nearHitRateProperty().get());
        assertEquals("no near tier on this server", model.nearDetailProperty().get());
    }

    @Test
    void tilesAboutNowAreClearedWhenTheStreamIsLostAndTheWindowFiguresStay() {
        DashboardViewModel model = new DashboardViewModel();
        model.accept(List.of(tick(100), tick(101)));
        assertEquals(101, model.newestSecondProperty().get(), "the charts' time axes end here");
        assertEquals("42", model.redisKeysProperty().get());
        assertEquals("80.0 %", model.hitRateProperty().get());

        model.streamStatus(EventStream.Status.RECONNECTING);

        assertEquals("—", model.redisKeysProperty().get());
        assertEquals("—", model.redisMemoryProperty().get());
        assertEquals("—", model.p95Property().get());
        assertEquals("80.0 %", model.hitRateProperty().get(), "the window's figures are still what they were");

        model.accept(List.of(tick(102)));
        assertEquals("42", model.redisKeysProperty().get(), "back with the next tick");
    }

    @Test
    void aFleetStartsFromItsOwnSecondsAndTheLostStreamNoLongerSpeaksForIt() {
        DashboardViewModel model = new DashboardViewModel();
        model.accept(List.of(tick(100), tick(101)));

        model.showFleet();
        model.streamStatus(EventStream.Status.RECONNECTING);
        model.fleetStatus("Fleet: 2 instances, 2 of 2 answering · each polled every 1 s");
        model.accept(List.of(tick(90), tick(91)));

        assertEquals("Fleet: 2 instances, 2 of 2 answering · each polled every 1 s", model.streamStateProperty().get());
        assertEquals("Latency p95 (slowest instance, last second)", model.p95TitleProperty().get());
        assertEquals("Near tiers (all instances, summed)", model.nearTitleProperty().get());
        assertEquals(91, model.newestSecondProperty().get(), "seconds before the single server's newest are taken");
    }
}
