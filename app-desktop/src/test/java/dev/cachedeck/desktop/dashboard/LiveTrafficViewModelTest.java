package dev.cachedeck.desktop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.LiveTrafficStatus;
import org.junit.jupiter.api.Test;

class LiveTrafficViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final LiveTrafficViewModel model = new LiveTrafficViewModel(admin, new CurrentThreadTasks());

    @Test
    void startSendsTheFormAndShowsWhatRuns() {
        model.ratePerSecondProperty().set("250");
        model.writePercentProperty().set("10");
        model.dbDelayMillisProperty().set("1");
        admin.liveTraffic = new LiveTrafficStatus(true, new LiveTrafficSpec(250, 10, 1.0, 1), 0);

        model.start();

        assertEquals(new LiveTrafficSpec(250, 10, 1.0, 1), admin.startedTraffic);
        assertTrue(model.runningProperty().get());
        assertEquals("Sending 250 requests/s, 10% writes, Zipf 1, simulated DB delay 1 ms per statement",
                model.stateProperty().get());

        admin.liveTraffic = new LiveTrafficStatus(false, new LiveTrafficSpec(250, 10, 1.0, 1), 12);
        model.stop();
        assertFalse(model.runningProperty().get());
        assertEquals("No live traffic.", model.stateProperty().get());
    }

    @Test
    void aRateOutOfRangeIsRefusedBeforeAnythingIsSent() {
        model.ratePerSecondProperty().set("0");

        model.start();

        assertTrue(admin.calls.isEmpty());
        assertTrue(model.status().failedProperty().get());
        assertEquals("Rate must be a number from 1 to 100000.", model.status().messageProperty().get());
    }

    @Test
    void refreshShowsTrafficStartedElsewhere() {
        admin.liveTraffic = new LiveTrafficStatus(true, new LiveTrafficSpec(80, 0, 0.5, 5), 30);

        model.refresh();

        assertTrue(model.runningProperty().get());
        assertTrue(model.stateProperty().get().startsWith("Sending 80 requests/s"));
    }
}
