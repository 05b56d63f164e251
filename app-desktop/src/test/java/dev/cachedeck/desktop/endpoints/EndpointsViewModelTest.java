package dev.cachedeck.desktop.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.monitor.LatencyPercentiles;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EndpointsViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:05Z");
    private static final LatencyPercentiles LATENCY = new LatencyPercentiles(4, 900, 5_000, 9_000, 12_000);

    private final FakeAdminApi admin = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final EndpointsViewModel model = new EndpointsViewModel(admin, tasks, Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneOffset.UTC);

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
        EndpointsViewModel polled = new EndpointsViewModel(slow, held, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);

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
