package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Path;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Demo tab runs a short before/after scenario on the real server to the end and shows its results. */
@ExtendWith(ApplicationExtension.class)
class DemoWindowTest {
    private DesktopHarness app;

    @Start
    void start(Stage stage) throws Exception {
        app = DesktopHarness.start(stage, "demoTab");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aShortScenarioRunsToTheEndAndShowsRatios(FxRobot robot) throws Exception {
        app.awaitConnected(robot);
        robot.doubleClickOn("#phaseSecondsField").write("2");
        robot.doubleClickOn("#rateField").write("60");
        robot.clickOn("#runDemoButton");
        Label state = robot.lookup("#demoState").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state.getText().startsWith("Running"));
        // About 15 s on an idle machine; more than 60 s was seen with six other builds sharing two CPUs.
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> state.getText().startsWith("Finished"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1.0, robot.lookup("#demoProgress").queryAs(ProgressBar.class).getProgress());
        assertTrue(robot.lookup("#demoResults").queryAs(VBox.class).isVisible());
        HBox headlines = robot.lookup("#demoHeadlines").queryAs(HBox.class);
        assertEquals(4, headlines.getChildren().size());
        assertFalse(robot.lookup("#exportDemoButton").queryButton().isDisabled());
        app.snapshot("demo");
        for (String chart : List.of("#latencyOverTimeChart", "#distributionChart", "#throughputOverTimeChart")) {
            legendDrawsEachLineAsItIs(robot.lookup(chart).queryAs(LineChart.class));
        }
        app.snapshotNode(robot.lookup("#demoPlots").query(), "demo-plots");

        // A scenario started elsewhere (here through the admin API): after a refresh the form shows its settings.
        assertEquals(202, app.post("/admin/bench", "{\"phases\":[\"WARM\"],\"phaseSeconds\":1,\"warmupSeconds\":0,"
                + "\"ratePerSecond\":40,\"concurrency\":8,\"writePercent\":0,\"zipfSkew\":0.8,\"dbDelayMillis\":1,"
                + "\"seed\":1,\"capacitySeconds\":0}").statusCode());
        robot.type(KeyCode.F5);
        TextField rate = robot.lookup("#rateField").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rate.getText().equals("40"));
        assertEquals("1", robot.lookup("#phaseSecondsField").queryAs(TextField.class).getText());
        assertEquals("0.8", robot.lookup("#skewField").queryAs(TextField.class).getText());
    }

    /** Every legend item shows a stretch of its series' own line: the same stroke colour and the same dashes. */
    private static void legendDrawsEachLineAsItIs(LineChart<?, ?> chart) {
        assertFalse(chart.getData().isEmpty(), chart.getId());
        for (XYChart.Series<?, ?> series : chart.getData()) {
            Path line = (Path) series.getNode();
            Label item = chart.lookupAll(".chart-legend-item").stream().map(Label.class::cast)
                    .filter(label -> label.getText().equals(series.getName())).findFirst().orElseThrow();
            Shape sample = (Shape) item.getGraphic();
            assertEquals(line.getStroke(), sample.getStroke(), chart.getId() + " " + series.getName() + " colour");
            assertEquals(line.getStrokeDashArray(), sample.getStrokeDashArray(),
                    chart.getId() + " " + series.getName() + " dashes");
        }
    }
}
