package dev.cachedeck.desktop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.CacheStatus;
import dev.cachedeck.model.monitor.NearFigures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final ControlViewModel model = new ControlViewModel(admin, new CurrentThreadTasks());

    private static CacheStatus status(boolean cache, boolean response) {
        return new CacheStatus(cache, Map.of("near", true, "response", response, "query", true, "model", true),
                "CLOSED", List.of(
                new CacheStatus.TierCounters("response", "*", 30, 10, 0, 10, 0, 2, 0, 0.75),
                new CacheStatus.TierCounters("response", "profile", 30, 10, 0, 10, 0, 2, 0, 0.75),
                new CacheStatus.TierCounters("query", "*", 0, 0, 0, 0, 0, 0, 0, 0)),
                new NearFigures(true, 0, 0, Map.of(), 0, 0, 1_234, 3L << 20, 100_000, 64L << 20, 45_000));
    }

    @Test
    void refreshShowsTheServersSwitchesAndOneTotalsRowPerTier() {
        admin.cacheStatus = status(true, false);

        model.refresh();

        assertTrue(model.loadedProperty().get());
        assertTrue(model.cacheEnabledProperty().get());
        assertFalse(model.tierEnabledProperty(Tier.RESPONSE).get());
        assertTrue(model.tierEnabledProperty(Tier.QUERY).get());
        assertEquals("Redis circuit CLOSED: the cache is used.", model.circuitProperty().get());
        assertEquals(List.of(Tier.RESPONSE, Tier.QUERY), model.totals().stream().map(TierTotalsRow::tier).toList());
        assertEquals("75.0 %", model.totals().getFirst().hitRate());
        assertEquals("—", model.totals().get(1).hitRate(), "a tier never asked has no hit rate");
    }

    @Test
    void aSwitchShowsWhatTheServerAnsweredNotWhatWasClicked() {
        admin.cacheStatus = status(true, true);

        model.setTierEnabled(Tier.RESPONSE, false);

        assertEquals(List.of("setTierEnabled RESPONSE false"), admin.calls);
        assertTrue(model.tierEnabledProperty(Tier.RESPONSE).get(), "the server's answer still says on");
        assertEquals("API response tier switched off.", model.status().messageProperty().get());
    }

    @Test
    void theNearTierHasItsSwitchAndItsLimitsShown() {
        admin.cacheStatus = status(true, true);

        model.setTierEnabled(Tier.NEAR, false);

        assertEquals(List.of("setTierEnabled NEAR false"), admin.calls);
        assertTrue(model.tierEnabledProperty(Tier.NEAR).get());
        assertEquals("Near (in-process) tier switched off.", model.status().messageProperty().get());
        assertEquals("Near tier of this instance: 1,234 of 100,000 entries · 3.0 MiB of 64.0 MiB · local TTL 45 s"
                + " · filling", model.nearProperty().get());
    }

    @Test
    void aNearTierThatStoppedFillingAndAServerWithoutOneAreSaidInWords() {
        NearFigures suspended = new NearFigures(false, 0, 0, Map.of(), 0, 0, 0, 0, 10, 1_000, 120_000);
        assertTrue(ControlViewModel.nearText(suspended).endsWith("local TTL 2 min · not filling"
                + " (a tracking connection is down or the breaker is open)"), ControlViewModel.nearText(suspended));
        assertEquals("This server has no near tier.", ControlViewModel.nearText(null));
    }

    @Test
    void resetStatsClearsTheStatisticsThenReadsTheCountersAgain() {
        admin.cacheStatus = status(true, true);

        model.resetStats();

        assertEquals(List.of("resetStats", "cacheStatus"), admin.calls);
        assertTrue(model.status().messageProperty().get().startsWith("Statistics reset"));
    }

    @Test
    void aRefusedCallIsReportedInWordsAndTheNextAnswerClearsIt() {
        admin.failing = new AdminProblem(401, "The server refused the admin token (HTTP 401).");
        model.resetCounters();
        assertTrue(model.status().failedProperty().get());
        assertEquals("The server refused the admin token (HTTP 401).", model.status().messageProperty().get());
        assertFalse(model.loadedProperty().get(), "the switches mean nothing before a first answer");

        admin.failing = null;
        admin.cacheStatus = status(true, true);
        model.refresh();
        assertFalse(model.status().failedProperty().get());
        assertEquals("", model.status().messageProperty().get());
    }
}
