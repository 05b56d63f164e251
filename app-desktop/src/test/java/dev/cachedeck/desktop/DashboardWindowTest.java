package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cachedeck.model.ApiPaths;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
        while (System.nanoTime() < until) {
            assertEquals(200, app.get(ApiPaths.profile(1)).statusCode());
            Thread.sleep(40);
        }
        Set<XYChart> charts = robot.lookup(node -> node instanceof XYChart).queryAllAs(XYChart.class);
        assertEquals(4, charts.size());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> charts.stream()
                .allMatch(chart -> chart.getAllDatasets().stream().anyMatch(this::hasPoints)));
        Label requests = robot.lookup("#requestsValue").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !requests.getText().equals("—"));
        assertNotEquals("—", robot.lookup("#hitRateValue").queryAs(Label.class).getText());
        assertEquals("Live: one point per second.", robot.lookup("#streamState").queryAs(Label.class).getText());
        app.snapshot("dashboard");
    }

    private boolean hasPoints(DataSet dataSet) {
        return dataSet.lock().readLockGuard(() -> dataSet.getDataCount() >= 3);
    }
}
