package dev.cachedeck.desktop.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.fleet.StatsFixtures;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EndpointsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:05Z");
    private static final LatencyPercentiles LATENCY = new LatencyPercentiles(4, 900, 5_000, 9_000, 12_000);

    private final FakeAdminApi admin = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final EndpointsViewModel model = model(tasks, admin);

    private static EndpointsViewModel model(Tasks tasks, FakeAdminApi... instances) {
        List<Fleet.EntryPoint> entries = new ArrayList<>();
        for (int i = 0; i < instances.length; i++) {
            entries.add(new Fleet.EntryPoint(URI.create("http://127.0.0.1:808" + (i + 1)), instances[i]));
        }
        Fleet fleet = new Fleet(entries, url -> {
            throw new AssertionError("nothing is discovered in these tests");
        });
        return new EndpointsViewModel(fleet, tasks, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    }

    private static StatsSnapshot snapshot(long requests) {
        return new StatsSnapshot("127.0.0.1:8080", NOW, Instant.parse("2026-12-01T11:00:00Z"), requests, 0,
                List.of(), List.of(new RouteStats("profile", requests, 0, LATENCY, LATENCY, LATENCY, 1.5)), null, null,
                true, true, List.of(), null);
    }

    @Test
    void refreshAsksForTheTotalsWithoutTheSeriesAndShowsOneRowPerRoute() {
        admin.stats = snapshot(4);

        model.refresh();

        assertEquals(List.of("stats " + NOW), admin.calls, "since = now: no 15-minute series");
        assertEquals(List.of("profile"), model.rows().stream().map(EndpointRow::route).toList());
        assertEquals("4 requests, 0 errors since 11:00:00 · updated 12:00:05 · every 2 s", model.summaryProperty().get());
    }

    @Test
    void pollsEveryTwoSecondsOnlyWhileShown() {
        admin.stats = snapshot(4);
        model.shown(true);
        assertEquals(List.of(Duration.ofSeconds(2)), tasks.repeating());

        admin.stats = snapshot(9);
        tasks.elapse();
        assertEquals(9, model.rows().getFirst().requests());

        model.shown(false);
        assertTrue(tasks.repeating().isEmpty());
        int calls = admin.calls.size();
        tasks.elapse();
        assertEquals(calls, admin.calls.size());
    }

    @Test
    void aTickWhileAReadIsInFlightDoesNotQueueASecondRead() {
        FakeAdminApi slow = new FakeAdminApi();
        slow.stats = snapshot(1);
        HeldTasks held = new HeldTasks();
        EndpointsViewModel polled = model(held, slow);

        polled.refresh();
        polled.refresh();
        assertEquals(1, held.pending, "the second refresh waits for the first answer");

        held.answer.run();
        polled.refresh();
        assertEquals(2, held.pending);
    }

    @Test
    void aFailedReadIsReportedInWords() {
        admin.failing = new AdminProblem(0, "The server does not answer at 127.0.0.1:8080.");

        model.refresh();

        assertTrue(model.status().failedProperty().get());
        assertEquals("The server does not answer at 127.0.0.1:8080.", model.status().messageProperty().get());
    }

    @Test
    void aFleetShowsEachRoutesTotalsWithHitRatesFromSummedCountsAndTheSlowestInstancesPercentiles() {
        FakeAdminApi a = new FakeAdminApi();
        FakeAdminApi b = new FakeAdminApi();
        a.stats = StatsFixtures.snapshot("a:8081", List.of(StatsFixtures.route("profile", 90, 1, 4_000, 0.1)),
                List.of(StatsFixtures.tier(Tier.RESPONSE, "profile", 81, 9)), List.of());
        b.stats = StatsFixtures.snapshot("b:8082", List.of(StatsFixtures.route("profile", 10, 2, 30_000, 2.0)),
                List.of(StatsFixtures.tier(Tier.RESPONSE, "profile", 1, 9)), List.of());
        EndpointsViewModel fleet = model(tasks, a, b);

        fleet.refresh();

        EndpointRow profile = fleet.rows().getFirst();
        assertEquals(EndpointRow.ALL, profile.instance());
        assertEquals(100, profile.requests());
        assertEquals(3, profile.errors());
        // 82 hits of 100 lookups; the mean of the two rates (0.9 and 0.1) would say 0.5.
        assertEquals(0.82, profile.responseHitRate(), 1e-9);
        assertEquals(30_000, profile.p95Micros(), "the slowest instance's p95");
        assertEquals((90 * 0.1 + 10 * 2.0) / 100, profile.dbStatementsPerRequest(), 1e-9);
        assertEquals(" (max)", fleet.percentileHeadingProperty().get());
        assertTrue(fleet.fleetShownProperty().get());
        assertEquals("2 of 2 instances: 100 requests, 3 errors · updated 12:00:05 · every 2 s",
                fleet.summaryProperty().get());
    }

    @Test
    void splitByInstanceShowsEachInstancesOwnRowsAndAnInstanceThatDoesNotAnswerIsNamed() {
        FakeAdminApi a = new FakeAdminApi();
        FakeAdminApi b = new FakeAdminApi();
        FakeAdminApi down = new FakeAdminApi();
        a.stats = StatsFixtures.snapshot("a:8081", List.of(StatsFixtures.route("profile", 90, 0, 4_000, 0.1)),
                List.of(), List.of());
        b.stats = StatsFixtures.snapshot("b:8082", List.of(StatsFixtures.route("profile", 10, 0, 30_000, 2.0)),
                List.of(), List.of());
        down.failing = new AdminProblem(0, "The server does not answer at 127.0.0.1:8083.");
        EndpointsViewModel fleet = model(tasks, a, b, down);
        fleet.refresh();
        assertEquals(List.of(EndpointRow.ALL), fleet.rows().stream().map(EndpointRow::instance).toList());

        fleet.splitByInstanceProperty().set(true);

        assertEquals(List.of("a:8081", "b:8082"), fleet.rows().stream().map(EndpointRow::instance).toList());
        assertEquals(List.of(4_000L, 30_000L), fleet.rows().stream().map(EndpointRow::p95Micros).toList());
        assertEquals("", fleet.percentileHeadingProperty().get(), "each row is one instance's own percentiles");
        assertTrue(fleet.status().failedProperty().get());
        assertEquals("Not answering, so not in the table: http://127.0.0.1:8083: The server does not answer at "
                + "127.0.0.1:8083.", fleet.status().messageProperty().get());
    }

    @Test
    void oneServerIsShownAsBeforeWithoutTheSplit() {
        admin.stats = snapshot(4);

        model.refresh();

        assertFalse(model.fleetShownProperty().get());
        assertEquals("", model.percentileHeadingProperty().get());
        assertEquals("127.0.0.1:8080", model.rows().getFirst().instance());
    }

    /** Keeps each call's answer until the test hands it over, as a slow server would. */
    private static final class HeldTasks implements Tasks {
        int pending;
        Runnable answer;

        @Override
        public <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<AdminProblem> onProblem) {
            pending++;
            T result = call.get();
            answer = () -> onResult.accept(result);
        }

        @Override
        public Repetition repeat(Duration every, Runnable task) {
            return () -> {
            };
        }

        @Override
        public void onUi(Runnable work) {
            work.run();
        }

        @Override
        public void close() {
        }
    }
}
