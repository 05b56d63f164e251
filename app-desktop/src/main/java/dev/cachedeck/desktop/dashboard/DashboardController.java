package dev.cachedeck.desktop.dashboard;

import javafx.scene.control.TextField;
import javafx.scene.control.Button;
import javafx.beans.binding.Bindings;
import dev.cachedeck.desktop.fleet.InstanceRow;
import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.monitor.TimelineMarker;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * Binds DashboardView.fxml: KPI tiles to the view-model, four ChartFX charts to the live series, and the
 * instance table, shown once there is a fleet, to the fleet's view-model.
 */
public final class DashboardController {
    private static final double[] LABEL_HEIGHTS = {0.1, 0.4, 0.7};
    /** Instance lines shown without scrolling; a larger fleet scrolls inside the table. */
    private static final int VISIBLE_INSTANCES = 6;
    private final DashboardViewModel model;
    private final LiveSeries series;
    private final LiveTrafficViewModel traffic;
    private final FleetViewModel fleet;
    private final List<XYChart> charts = new ArrayList<>();

    @FXML private VBox fleetCard;
    @FXML private Label balancerNoteLabel;
    @FXML private TableView<InstanceRow> instancesTable;
    @FXML private TableColumn<InstanceRow, String> instanceColumn;
    @FXML private TableColumn<InstanceRow, String> urlColumn;
    @FXML private TableColumn<InstanceRow, Double> requestsColumn;
    @FXML private TableColumn<InstanceRow, Double> hitRateColumn;
    @FXML private TableColumn<InstanceRow, Long> p95Column;
    @FXML private TableColumn<InstanceRow, Long> errorsColumn;
    @FXML private TableColumn<InstanceRow, Double> dbColumn;
    @FXML private TableColumn<InstanceRow, String> stateColumn;
    @FXML private Label p95Title;
    @FXML private Label nearTitle;

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

    public DashboardController(DashboardViewModel model, LiveSeries series, LiveTrafficViewModel traffic,
                               FleetViewModel fleet) {
        this.model = model;
        this.series = series;
        this.traffic = traffic;
        this.fleet = fleet;
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
        p95Title.textProperty().bind(model.p95TitleProperty());
        nearTitle.textProperty().bind(model.nearTitleProperty());
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
        bindFleet(charts.get(1));
    }

    private void bindFleet(XYChart latencyChart) {
        fleetCard.visibleProperty().bind(fleet.shownProperty());
        fleetCard.managedProperty().bind(fleet.shownProperty());
        balancerNoteLabel.textProperty().bind(fleet.balancerNoteProperty());
        balancerNoteLabel.visibleProperty().bind(fleet.balancerNoteProperty().isNotEmpty());
        balancerNoteLabel.managedProperty().bind(balancerNoteLabel.visibleProperty());
        fleet.shownProperty().addListener((property, was, shown) ->
                latencyChart.setTitle(shown ? "Latency percentiles (slowest instance)" : "Latency percentiles"));
        Cells.value(instanceColumn, InstanceRow::instance);
        Cells.value(urlColumn, InstanceRow::url);
        Cells.formatted(requestsColumn, row -> row.figures().requestsPerSecond(),
                rate -> String.format(Locale.ROOT, "%.1f", rate));
        Cells.formatted(hitRateColumn, row -> row.figures().hitRate(), Units::percent);
        Cells.formatted(p95Column, row -> row.figures().p95Micros(), Units::millis);
        Cells.formatted(errorsColumn, row -> row.figures().errors(), count -> String.format(Locale.ROOT, "%,d", count));
        Cells.formatted(dbColumn, row -> row.figures().dbStatementsPerRequest(),
                perRequest -> String.format(Locale.ROOT, "%.2f", perRequest));
        Cells.value(stateColumn, InstanceRow::state);
        // Why an instance does not answer can be longer than the column: the whole text on hover.
        stateColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                setText(empty ? null : state);
                setTooltip(empty || state == null ? null : new Tooltip(state));
            }
        });
        instancesTable.setItems(fleet.rows());
        instancesTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(InstanceRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(style -> style.startsWith("instance-"));
                if (!empty && row != null) {
                    getStyleClass().add("instance-" + row.kind().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        instancesTable.prefHeightProperty().bind(Bindings.min(Bindings.size(fleet.rows()), VISIBLE_INSTANCES + 1)
                .add(1).multiply(instancesTable.getFixedCellSize()).add(4));
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
