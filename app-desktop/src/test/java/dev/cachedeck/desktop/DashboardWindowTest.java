package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.ApiPaths;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.dataset.DataSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard follows the real server's SSE stream: ticks arrive, the charts get points, the tiles figures. */
@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "dashboardTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void ticksFromTheStreamBecomePointsAndTiles(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        long start = System.nanoTime();
        boolean switchedOff = false;
        boolean switchedOn = false;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6)) {
            assertEquals(200, app.get(ApiPaths.profile(1)).statusCode());
            long elapsed = System.nanoTime() - start;
            if (!switchedOff && elapsed > TimeUnit.SECONDS.toNanos(2)) {
                assertEquals(200, app.put("/admin/cache/tiers/query", "{\"enabled\":false}").statusCode());
                switchedOff = true;
            }
            if (!switchedOn && elapsed > TimeUnit.SECONDS.toNanos(4)) {
                assertEquals(200, app.put("/admin/cache/tiers/query", "{\"enabled\":true}").statusCode());
                switchedOn = true;
            }
            Thread.sleep(40);
        }
        Set<XYChart> charts = robot.lookup(node -> node instanceof XYChart).queryAllAs(XYChart.class);
        assertEquals(4, charts.size());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> charts.stream()
                .allMatch(chart -> chart.getAllDatasets().stream().anyMatch(this::hasPoints)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> charts.stream().allMatch(chart ->
                markerTexts(chart).containsAll(List.of("query tier off", "query tier on"))));
        Label requests = robot.lookup("#requestsValue").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !requests.getText().equals("—"));
        assertNotEquals("—", robot.lookup("#hitRateValue").queryAs(Label.class).getText());
        assertNotEquals("—", robot.lookup("#nearHitRateValue").queryAs(Label.class).getText(),
                "the same profile read again and again is answered by the near tier");
        assertTrue(robot.lookup("#nearDetail").queryAs(Label.class).getText().contains("of 64.0 MiB"));
        assertEquals("Live: one point per second.", robot.lookup("#streamState").queryAs(Label.class).getText());
        // The shortest window, so six seconds of traffic fill more than a sliver of the picture.
        ComboBox<Integer> window = robot.lookup("#windowChoice").queryComboBox();
        robot.interact(() -> window.getSelectionModel().selectFirst());
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        app.snapshot("dashboard");
    }

    private static List<String> markerTexts(XYChart chart) {
        return chart.getPlugins().stream().filter(XValueIndicator.class::isInstance)
                .map(plugin -> ((XValueIndicator) plugin).getText()).toList();
    }

    private boolean hasPoints(DataSet dataSet) {
        return dataSet.lock().readLockGuard(() -> dataSet.getDataCount() >= 3);
    }
}
