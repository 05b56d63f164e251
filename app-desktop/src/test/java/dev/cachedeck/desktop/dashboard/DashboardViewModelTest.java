package dev.cachedeck.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TierTick;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardViewModelTest {

    private static StatsTick tick(long second) {
        return new StatsTick(second, 10, 0, Map.of(Tier.RESPONSE, new TierTick(8, 2, 0, 2)),
                new LatencyPercentiles(10, 500, 2_000, 3_000, 4_000), 0.5,
                new RedisFigures(2L << 20, 42, 0, 0, 0, 0, 0, 1), List.of());
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
}
