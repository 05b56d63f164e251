package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.traces.TraceRow;
import dev.cachedeck.model.ApiPaths;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Traces tab lists the real server's traces and draws a waterfall of the chosen one. */
@ExtendWith(ApplicationExtension.class)
class TracesWindowTest {
    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "tracesTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aMissShowsTierLookupsAndSqlStatementsAsBarsOnTheWaterfall(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        assertEquals(200, app.get(ApiPaths.reviewsReceived(9)).statusCode());
        assertEquals(200, app.get(ApiPaths.profile(9)).statusCode());
        assertEquals(200, app.get(ApiPaths.profile(9)).statusCode());

        TableView<TraceRow> table = robot.lookup("#tracesTable").queryTableView();
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() >= 3);
        // "near=MISS api=HIT": the near tier is asked first and fills from this Redis hit.
        assertTrue(table.getItems().getFirst().cache().contains("api=HIT"), "newest first: the repeated profile");

        TraceRow miss = table.getItems().stream().filter(row -> row.route().equals("reviews")).findFirst().orElseThrow();
        assertTrue(miss.cache().contains("api=MISS") && miss.dbStatements() > 0, miss.toString());
        robot.interact(() -> table.getSelectionModel().select(miss));
        WaitForAsyncUtils.waitForFxEvents();

        Label headline = robot.lookup("#traceHeadline").queryAs(Label.class);
        assertTrue(headline.getText().startsWith("GET " + ApiPaths.reviewsReceived(9) + " → 200"), headline.getText());
        Set<Node> sqlBars = robot.lookup("#waterfall .span-bar.span-sql").queryAll();
        assertEquals(miss.dbStatements(), sqlBars.size(), "one bar per SQL statement");
        assertFalse(robot.lookup("#waterfall .span-bar.tier-response").queryAll().isEmpty());
        Set<String> labels = robot.lookup("#waterfall .span-label").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet());
        assertTrue(labels.contains("API response MISS"), labels.toString());
        // Bars are placed by the waterfall's layout pass, which runs on a pulse after the trace is shown.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sqlBars.stream().allMatch(bar ->
                bar.getBoundsInParent().getWidth() >= 2 && bar.getBoundsInParent().getMinX() > 360));
        app.snapshot("traces");
        robot.clickOn("#darkToggle");
        app.snapshot("traces-dark");

        robot.clickOn("#slowestTracesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() >= 3
                && table.getItems().getFirst().totalMicros() >= table.getItems().getLast().totalMicros());

        // Live: a new request appears without F5, and the trace being looked at stays selected.
        robot.clickOn("#recentTracesButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() >= 3
                && table.getItems().getFirst().trace().id() > table.getItems().get(1).trace().id());
        robot.clickOn("#liveTracesButton");
        TraceRow looked = table.getItems().get(1);
        robot.interact(() -> table.getSelectionModel().select(looked));
        int before = table.getItems().size();
        assertEquals(200, app.get(ApiPaths.job(5)).statusCode());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() > before);
        assertEquals("GET " + ApiPaths.job(5), table.getItems().getFirst().path());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(looked.trace().id(), table.getSelectionModel().getSelectedItem().trace().id());
        assertTrue(headline.getText().endsWith("(trace #" + looked.trace().id() + ")"), headline.getText());
    }
}
