package dev.cachedeck.desktop.dashboard;

import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.beans.binding.Bindings;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.model.monitor.TimelineMarker;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/** Binds DashboardView.fxml: KPI tiles to the view-model, four ChartFX charts to the live series. */
public final class DashboardController {
    private static final double[] LABEL_HEIGHTS = {0.1, 0.4, 0.7};
    private final DashboardViewModel model;
    private final LiveSeries series;
    private final LiveTrafficViewModel traffic;
    private final List<XYChart> charts = new ArrayList<>();

    @FXML private Label streamStateLabel;
    @FXML private TextField trafficRateField;
    @FXML private TextField trafficWriteField;
    @FXML private TextField trafficSkewField;
    @FXML private TextField trafficDbDelayField;
    @FXML private Button trafficStartButton;
    @FXML private Button trafficStopButton;
    @FXML private Label trafficStateLabel;
    @FXML private Label trafficMessageLabel;
    @FXML private ComboBox<Integer> windowChoice;
    @FXML private Label hitRateValue;
    @FXML private Label hitRateDetail;
    @FXML private Label nearHitRateValue;
    @FXML private Label nearDetail;
    @FXML private Label p95Value;
    @FXML private Label p95Detail;
    @FXML private Label requestsValue;
    @FXML private Label dbValue;
    @FXML private Label redisMemoryValue;
    @FXML private Label redisKeysValue;
    @FXML private StackPane hitRateSlot;
    @FXML private StackPane latencySlot;
    @FXML private StackPane throughputSlot;
    @FXML private StackPane databaseSlot;

    public DashboardController(DashboardViewModel model, LiveSeries series, LiveTrafficViewModel traffic) {
        this.model = model;
        this.series = series;
        this.traffic = traffic;
    }

    @FXML
    private void startTraffic() {
        traffic.start();
    }

    @FXML
    private void stopTraffic() {
        traffic.stop();
    }

    @FXML
    private void initialize() {
        streamStateLabel.textProperty().bind(model.streamStateProperty());
        trafficRateField.textProperty().bindBidirectional(traffic.ratePerSecondProperty());
        trafficWriteField.textProperty().bindBidirectional(traffic.writePercentProperty());
        trafficSkewField.textProperty().bindBidirectional(traffic.zipfSkewProperty());
        trafficDbDelayField.textProperty().bindBidirectional(traffic.dbDelayMillisProperty());
        trafficStopButton.disableProperty().bind(traffic.runningProperty().not());
        trafficStartButton.textProperty().bind(Bindings.when(traffic.runningProperty()).then("Apply").otherwise("Start"));
        trafficStateLabel.textProperty().bind(traffic.stateProperty());
        StatusLabel.bind(trafficMessageLabel, traffic.status());
        hitRateValue.textProperty().bind(model.hitRateProperty());
        hitRateDetail.textProperty().bind(model.hitRateDetailProperty());
        nearHitRateValue.textProperty().bind(model.nearHitRateProperty());
        nearDetail.textProperty().bind(model.nearDetailProperty());
        p95Value.textProperty().bind(model.p95Property());
        p95Detail.textProperty().bind(model.p95DetailProperty());
        requestsValue.textProperty().bind(model.requestsPerSecondProperty());
        dbValue.textProperty().bind(model.dbPerRequestProperty());
        redisMemoryValue.textProperty().bind(model.redisMemoryProperty());
        redisKeysValue.textProperty().bind(model.redisKeysProperty());
        windowChoice.getItems().setAll(DashboardViewModel.WINDOWS);
        windowChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer seconds) {
                return seconds == null ? "" : seconds / 60 + " min";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.parseInt(text.replace(" min", "").trim()) * 60;
            }
        });
        windowChoice.valueProperty().bindBidirectional(model.windowSecondsProperty());

        hitRateSlot.getChildren().add(chart("Hit rate per tier", "hit rate", "%", series.hitRate(), 0, 100));
        latencySlot.getChildren().add(chart("Latency percentiles", "latency", "ms", series.latency(), 0, -1));
        throughputSlot.getChildren().add(chart("Throughput", "rate", "requests/s", series.throughput(), 0, -1));
        databaseSlot.getChildren().add(chart("Database statements per request", "statements", "per request",
                series.database(), 0, -1));
        model.windowSecondsProperty().addListener((property, old, seconds) -> followTime());
        model.newestSecondProperty().addListener((property, old, second) -> followTime());
        model.markers().addListener((ListChangeListener<TimelineMarker>) change -> drawMarkers());
    }

    /** The time axes end at the newest second. */
    private void followTime() {
        long newest = model.newestSecondProperty().get();
        if (newest == 0) {
            return;
        }
        for (XYChart chart : charts) {
            ((DefaultNumericAxis) chart.getXAxis()).set(newest - model.windowSecondsProperty().get(), newest);
            chart.getXAxis().forceRedraw();
        }
    }

    private XYChart chart(String title, String yName, String yUnit, List<? extends DataSet> dataSets,
                         double yMin, double yMax) {
        DefaultNumericAxis time = new DefaultNumericAxis("local time");
        time.setUnit(null);
        time.setTimeAxis(true);
        time.setAutoRanging(false);
        time.setSide(Side.BOTTOM);
        DefaultNumericAxis y = new DefaultNumericAxis(yName, yUnit);
        y.setSide(Side.LEFT);
        if (yMax > 0) {
            y.setAutoRanging(false);
            y.set(yMin, yMax);
        } else {
            y.setForceZeroInRange(true);
            y.setAutoRangePadding(0.1);
        }
        XYChart chart = new XYChart(time, y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(io.fair_acc.chartfx.renderer.ErrorStyle.NONE);
        renderer.getDatasets().addAll(dataSets);
        chart.getRenderers().setAll(renderer);
        charts.add(chart);
        return chart;
    }

    private void drawMarkers() {
        for (XYChart chart : charts) {
            chart.getPlugins().removeIf(plugin -> plugin instanceof XValueIndicator);
            int labelled = 0;
            for (TimelineMarker marker : model.markers()) {
                String text = MarkerLabels.shortLabel(marker);
                XValueIndicator indicator = new XValueIndicator(chart.getXAxis(), marker.at().getEpochSecond(), text);
                indicator.setEditable(false);
                if (!text.isEmpty()) {
                    // Neighbouring labels at three heights, so markers seconds apart stay readable.
                    indicator.setLabelPosition(LABEL_HEIGHTS[labelled++ % LABEL_HEIGHTS.length]);
                }
                chart.getPlugins().add(indicator);
            }
        }
    }
}
