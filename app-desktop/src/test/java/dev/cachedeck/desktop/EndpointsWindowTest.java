package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.endpoints.EndpointRow;
import dev.cachedeck.desktop.traces.TraceRow;
import dev.cachedeck.model.ApiPaths;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Endpoints tab reads the real server's stats by itself, every 2 s, one row per route. */
@ExtendWith(ApplicationExtension.class)
class EndpointsWindowTest {
    private static final Set<String> ROUTES = Set.of("profile", "reviews", "ratings", "payments", "job",
            "clientjobs", "GET (no route)");

    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "endpointsTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void showsARowPerRouteWithItsTierHitRatesWithoutBeingAsked(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        app.awaitNearFilling();
        for (String path : List.of(ApiPaths.profile(7), ApiPaths.reviewsReceived(7), ApiPaths.reviewsWritten(7),
                ApiPaths.payments(7), ApiPaths.job(7), ApiPaths.clientJobs(7))) {
            for (int read = 0; read < 3; read++) {
                assertEquals(200, app.get(path).statusCode(), path);
            }
        }
        assertEquals(404, app.get("/api/nothing-here").statusCode());

        TableView<EndpointRow> table = robot.lookup("#endpointsTable").queryTableView();
        // No F5, no click: the tab's own 2-second refresh brings the rows. A request is counted as its response
        // completes, so the last one may arrive a refresh later than the others.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().stream().map(EndpointRow::route)
                .collect(Collectors.toSet()).containsAll(ROUTES));

        EndpointRow profile = row(table, "profile");
        assertEquals(3, profile.requests());
        // A miss, a hit from the response tier that fills the near tier, a near hit. On a loaded machine the near
        // copy can come a request late (the push for the miss's own store may empty it), so the rates are bounds.
        assertTrue(profile.responseHitRate() >= 0.5, "a miss, then hits from the response tier");
        assertTrue(profile.nearHitRate() != null && profile.nearHitRate() <= 1.0 / 3 + 1e-9,
                "the near tier was asked on every read and hit at most the third");
        assertTrue(profile.p99Micros() >= profile.p50Micros() && profile.p50Micros() > 0);
        assertTrue(profile.dbStatementsPerRequest() > 0, "the miss ran SQL");
        EndpointRow noRoute = row(table, "GET (no route)");
        assertNull(noRoute.responseHitRate(), "an uncached route asks no tier");
        assertNull(noRoute.nearHitRate());
        // Read on the FX thread: a refresh replacing every row there must not be seen halfway.
        List<EndpointRow> shown = WaitForAsyncUtils.asyncFx(() -> List.copyOf(table.getItems()))
                .get(10, TimeUnit.SECONDS);
        assertEquals(shown.stream().mapToLong(EndpointRow::requests).max().orElseThrow(),
                shown.getFirst().requests(), "sorted by requests, most first");
        app.snapshot("endpoints");

        // Drill-down: a double-click on a route opens Traces narrowed to it. The double-click is one event with a
        // click count of 2: two robot clicks on a loaded machine can fall further apart than the double-click
        // interval and arrive as two single clicks. The row is found and clicked in one FX step: the 2-second refresh
        // re-sorts the table (the desktop's own admin calls are counted), and a row cell found earlier may by then
        // show another route.
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#endpointsTable .table-row-cell")
                .match((Node node) -> node instanceof TableRow<?> row && row.getItem() instanceof EndpointRow item
                        && item.route().equals("job")).query()
                .fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 2, false, false,
                        false, false, true, false, false, true, false, false, null)))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertEquals("tracesTab", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals("job", robot.lookup("#traceRouteChoice").queryAs(ChoiceBox.class).getValue());
        TableView<TraceRow> traces = robot.lookup("#tracesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> traces.getItems().size() == 3);
        assertTrue(traces.getItems().stream().allMatch(row -> row.route().equals("job")));
    }

    private static EndpointRow row(TableView<EndpointRow> table, String route) {
        return table.getItems().stream().filter(row -> row.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError(route + " not among " + table.getItems()));
    }
}
