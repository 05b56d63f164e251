package dev.cachedeck.desktop.dashboard;

import static dev.cachedeck.desktop.fleet.StatsFixtures.NOW;
import static dev.cachedeck.desktop.fleet.StatsFixtures.snapshot;
import static dev.cachedeck.desktop.fleet.StatsFixtures.tick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.fleet.InstanceRow;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.model.monitor.InstanceList;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetViewModelTest {
    private static final URI A = URI.create("http://127.0.0.1:8081");
    private static final URI B = URI.create("http://127.0.0.1:8082");

    private final FakeAdminApi a = new FakeAdminApi();
    private final FakeAdminApi b = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final DashboardViewModel dashboard = new DashboardViewModel();
    private final LiveSeries series = new LiveSeries();
    private int liveStreamStops;
    private final Fleet fleet = new Fleet(List.of(new Fleet.EntryPoint(A, a)), url -> Map.of(B, b).get(url));
    private final FleetViewModel model = new FleetViewModel(fleet, tasks, Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneOffset.UTC, dashboard, series, () -> liveStreamStops++);

    private static InstanceInfo registration(String id, URI url) {
        return new InstanceInfo(id, url.toString(), NOW.minusSeconds(600), NOW);
    }

    @Test
    void oneServerKeepsTheSingleDashboardAndItsLiveStream() {
        a.stats = snapshot("a", List.of(tick(100, 10, 0, 9, 1, 2_000, 0.1)));
        a.instances = new InstanceList("a", false, List.of(registration("a", A)));

        model.start();
        tasks.elapse();

        assertFalse(model.shownProperty().get());
        assertEquals(0, liveStreamStops);
        assertTrue(model.rows().isEmpty());
        assertEquals(List.of(FleetViewModel.DISCOVERY), tasks.repeating());
        assertEquals(0, series.points(), "the live stream draws the charts, not the fleet");
    }

    @Test
    void aSecondRegistrationTurnsTheDashboardIntoTheFleetsTotalsAndLines() {
        a.stats = snapshot("a", List.of(tick(100, 90, 1, 81, 9, 4_000, 0.1)));
        b.stats = snapshot("b", List.of(tick(100, 10, 2, 1, 9, 30_000, 2.0)));
        a.instances = new InstanceList("a", false, List.of(registration("a", A)));
        model.start();
        assertFalse(model.shownProperty().get());

        a.instances = new InstanceList("a", false, List.of(registration("a", A), registration("b", B)));
        model.discover();

        assertTrue(model.shownProperty().get());
        assertEquals(1, liveStreamStops);
        assertEquals(List.of(FleetViewModel.DISCOVERY, FleetViewModel.POLL), tasks.repeating());
        assertEquals(List.of(InstanceRow.Kind.FLEET, InstanceRow.Kind.ANSWERING, InstanceRow.Kind.ANSWERING),
                model.rows().stream().map(InstanceRow::kind).toList());
        // The tiles show the fleet: requests summed, hit rate from summed hits, the slowest instance's p95.
        assertEquals("100.0", dashboard.requestsPerSecondProperty().get());
        assertEquals("82.0 %", dashboard.hitRateProperty().get());
        assertEquals("30 ms", dashboard.p95Property().get());
        assertEquals("Latency p95 (slowest instance, last second)", dashboard.p95TitleProperty().get());
        assertEquals("Fleet: 2 instances, 2 of 2 answering · each polled every 1 s",
                dashboard.streamStateProperty().get());
        assertEquals(1, series.points());
    }

    @Test
    void anInstanceThatStopsAnsweringIsShownAsUnreachableNotDropped() {
        a.stats = snapshot("a", List.of(tick(100, 5, 0, 5, 0, 1_000, 0)));
        b.stats = snapshot("b", List.of(tick(100, 5, 0, 5, 0, 1_000, 0)));
        a.instances = new InstanceList("a", false, List.of(registration("a", A), registration("b", B)));
        model.start();

        b.failing = new AdminProblem(0, "The server does not answer at 127.0.0.1:8082.");
        tasks.elapse();

        assertEquals(3, model.rows().size());
        assertEquals(InstanceRow.Kind.UNREACHABLE, model.rows().get(2).kind());
        assertEquals("1 of 2 answering", model.rows().getFirst().state());
    }

    @Test
    void stopEndsDiscoveryAndPolling() {
        a.stats = snapshot("a", List.of());
        a.instances = new InstanceList("a", false, List.of(registration("a", A), registration("b", B)));
        b.stats = snapshot("b", List.of());
        model.start();

        model.stop();

        assertEquals(List.<Duration>of(), tasks.repeating());
    }
}
