package dev.cachedeck.desktop.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminApi.TraceListing;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.TraceSpan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TracesViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final TracesViewModel model = new TracesViewModel(admin, tasks, ZoneOffset.UTC);

    private static RequestTrace trace(long id, String route) {
        return new RequestTrace(id, "127.0.0.1:8080", Instant.parse("2026-12-01T12:00:00Z"), "GET", route,
                "/api/jobs/" + id, 200, 1_500, 1, List.of(new TraceSpan(TraceSpan.Kind.SQL, "SELECT 1", null, null, 0, 1_000)));
    }

    @Test
    void narrowingToARouteAsksForItsTracesAndKeepsTheOtherRoutesOnTheMenu() {
        admin.traces = List.of(trace(1, "job"), trace(2, "profile"));
        model.refresh();
        assertEquals("traces RECENT 100 *", admin.calls.getLast());

        admin.traces = List.of(trace(3, "job"));
        model.narrowTo("job");
        model.refresh();

        assertEquals("traces RECENT 100 job", admin.calls.getLast());
        assertEquals(List.of(TracesViewModel.ALL_ROUTES, "job", "profile"), model.routes());
        assertEquals(1, model.traces().size());
    }

    @Test
    void slowestAsksForTheWorstFifty() {
        admin.traces = List.of();
        model.listingProperty().set(TraceListing.SLOWEST);
        model.refresh();

        assertEquals("traces SLOWEST 50 *", admin.calls.getLast());
        assertTrue(model.status().messageProperty().get().startsWith("No traces kept"));
    }

    @Test
    void liveRereadsOnlyWhileTheTabIsOnScreenAndKeepsTheTraceBeingLookedAt() {
        admin.traces = List.of(trace(1, "job"), trace(2, "job"));
        model.refresh();
        model.select(model.traces().get(1));

        model.liveProperty().set(true);
        assertTrue(tasks.repeating().isEmpty(), "not on screen yet");
        model.shown(true);
        assertEquals(List.of(Duration.ofSeconds(2)), tasks.repeating());

        admin.traces = List.of(trace(3, "job"), trace(1, "job"), trace(2, "job"));
        tasks.elapse();
        assertEquals(3, model.traces().size());
        assertEquals(2, model.selectedProperty().get().id());
        assertEquals(2, model.selectedIndex());

        model.shown(false);
        assertTrue(tasks.repeating().isEmpty());
    }
}
