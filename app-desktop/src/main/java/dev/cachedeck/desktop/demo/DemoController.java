package dev.cachedeck.desktop.demo;

import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.model.bench.PhaseName;
import java.io.File;
import java.io.IOException;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/** Binds DemoView.fxml to a {@link DemoViewModel}; draws the result bars and lines it is handed. */
public final class DemoController {
    private static final double LEGEND_LINE_LENGTH = 22;
    private final DemoViewModel model;
    private final DemoExport export;

    @FXML private ScrollPane content;
    @FXML private Label unavailableLabel;
    @FXML private Button runButton;
    @FXML private Button stopButton;
    @FXML private Button exportButton;
    @FXML private TextField phaseSecondsField;
    @FXML private TextField rateField;
    @FXML private TextField writeField;
    @FXML private TextField skewField;
    @FXML private TextField dbDelayField;
    @FXML private ProgressBar progressBar;
    @FXML private Label stateLabel;
    @FXML private Label messageLabel;
    @FXML private VBox resultsCard;
    @FXML private HBox headlines;
    @FXML private BarChart<String, Number> latencyChart;
    @FXML private BarChart<String, Number> throughputChart;
    @FXML private BarChart<String, Number> hitRateChart;
    @FXML private BarChart<String, Number> dbChart;
    @FXML private ComboBox<DbDelayPreset> dbPresetChoice;
    @FXML private VBox warningsBox;
    @FXML private LineChart<Number, Number> latencyOverTimeChart;
    @FXML private LineChart<Number, Number> distributionChart;
    @FXML private LineChart<Number, Number> throughputOverTimeChart;

    public DemoController(DemoViewModel model, DemoExport export) {
        this.model = model;
        this.export = export;
    }

    @FXML
    private void initialize() {
        content.visibleProperty().bind(model.availableProperty());
        unavailableLabel.visibleProperty().bind(model.availableProperty().not());
        phaseSecondsField.textProperty().bindBidirectional(model.phaseSecondsProperty());
        rateField.textProperty().bindBidirectional(model.ratePerSecondProperty());
        writeField.textProperty().bindBidirectional(model.writePercentProperty());
        skewField.textProperty().bindBidirectional(model.zipfSkewProperty());
        dbDelayField.textProperty().bindBidirectional(model.dbDelayMillisProperty());
        dbPresetChoice.getItems().setAll(DbDelayPreset.values());
        dbPresetChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(DbDelayPreset preset) {
                return preset == null ? "custom (simulated)" : preset.label();
            }

            @Override
            public DbDelayPreset fromString(String text) {
                return null;
            }
        });
        dbPresetChoice.valueProperty().bindBidirectional(model.dbDelayPresetProperty());
        logAxis((NumberAxis) latencyOverTimeChart.getYAxis(), DemoPlots::decade);
        logAxis((NumberAxis) distributionChart.getYAxis(), DemoPlots::decade);
        logAxis((NumberAxis) distributionChart.getXAxis(), DemoPlots::percentile);
        runButton.disableProperty().bind(model.runningProperty());
        stopButton.disableProperty().bind(model.runningProperty().not());
        exportButton.disableProperty().bind(model.reportProperty().isNull());
        progressBar.progressProperty().bind(model.progressProperty());
        stateLabel.textProperty().bind(model.stateProperty());
        StatusLabel.bind(messageLabel, model.status());
        resultsCard.visibleProperty().bind(model.resultsProperty().isNotNull());
        resultsCard.managedProperty().bind(resultsCard.visibleProperty());
        model.resultsProperty().addListener((property, old, results) -> {
            if (results != null) {
                draw(results);
            }
        });
    }

    private void draw(DemoResults results) {
        warningsBox.getChildren().setAll(results.warnings().stream().map(text -> {
            Label warning = new Label(text);
            warning.setWrapText(true);
            warning.getStyleClass().add("saturation-warning");
            return warning;
        }).toList());
        headlines.getChildren().setAll(results.headlines().stream().map(headline -> {
            Label value = new Label(headline.value());
            value.getStyleClass().add("ratio");
            Label caption = new Label(headline.caption());
            caption.getStyleClass().add("ratio-name");
            VBox box = new VBox(value, caption);
            if (headline.queueing()) {
                box.getStyleClass().add("queueing");
            }
            return box;
        }).toList());
        List<DemoPlots.Line> latencyOverTime = DemoPlots.latencyOverTime(results);
        List<DemoPlots.Line> distribution = DemoPlots.distribution(results);
        lines(latencyOverTimeChart, latencyOverTime);
        lines(distributionChart, distribution);
        lines(throughputOverTimeChart, DemoPlots.throughputOverTime(results));
        decades((NumberAxis) latencyOverTimeChart.getYAxis(), latencyOverTime);
        decades((NumberAxis) distributionChart.getYAxis(), distribution);
        latencyChart.getData().setAll(results.phases().stream().map(phase -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(DemoResults.label(phase.phase()) + (phase.complete() ? "" : " (running)")
                    + (phase.keptUp() ? "" : " (saturated)"));
            series.getData().setAll(List.of(new XYChart.Data<>("p50", phase.p50Millis()),
                    new XYChart.Data<>("p95", phase.p95Millis()), new XYChart.Data<>("p99", phase.p99Millis())));
            series.getData().forEach(data -> style(data, phase.phase()));
            return series;
        }).toList());
        // The legend is rebuilt in the next layout pass.
        Platform.runLater(() -> colourLegend(results.phases().stream().map(DemoResults.PhaseBars::phase).toList()));
        perPhase(throughputChart, results, DemoResults.PhaseBars::throughputPerSecond);
        perPhase(hitRateChart, results, DemoResults.PhaseBars::readHitRatePercent);
        perPhase(dbChart, results, DemoResults.PhaseBars::dbStatementsPerRequest);
    }

    /** Lines in their phase's colour, a p99 dashed beside its p50, and a legend drawn the same way. */
    private static void lines(LineChart<Number, Number> chart, List<DemoPlots.Line> lines) {
        chart.getData().setAll(lines.stream().map(line -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            line.points().forEach(point -> series.getData().add(new XYChart.Data<>(point.x(), point.y())));
            series.nodeProperty().addListener((property, old, node) -> {
                if (node != null) {
                    node.setStyle(stroke(line));
                }
            });
            return series;
        }).toList());
        // The legend is rebuilt in the next layout pass.
        Platform.runLater(() -> lineLegend(chart, lines));
    }

    private static String stroke(DemoPlots.Line line) {
        return "-fx-stroke: " + colour(line.phase()) + ";" + (line.dashed() ? " -fx-stroke-dash-array: 6 4;" : "");
    }

    /**
     * Each legend item shows a short stretch of its own line, colour and dash: the chart would give every series a
     * symbol in the colour of its index, which matches none of the phase colours the lines are drawn in.
     */
    private static void lineLegend(LineChart<Number, Number> chart, List<DemoPlots.Line> lines) {
        for (Node item : chart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label) {
                lines.stream().filter(line -> line.name().equals(label.getText())).findFirst().ifPresent(line -> {
                    Line sample = new Line(0, 0, LEGEND_LINE_LENGTH, 0);
                    sample.getStyleClass().add("legend-line");
                    sample.setStyle(stroke(line));
                    label.setGraphic(sample);
                });
            }
        }
    }

    /**
     * The log axis spans whole decades around the values: an auto-ranged axis would put its ticks between
     * decades, where their labels (rounded to the decade) repeat.
     */
    private static void decades(NumberAxis axis, List<DemoPlots.Line> lines) {
        DoubleSummaryStatistics values = lines.stream().flatMap(line -> line.points().stream())
                .mapToDouble(DemoPlots.Point::y).summaryStatistics();
        if (values.getCount() == 0) {
            return;
        }
        double lower = Math.floor(values.getMin());
        axis.setLowerBound(lower);
        axis.setUpperBound(Math.max(lower + 1, Math.ceil(values.getMax())));
    }

    /** JavaFX has no log axis: the values are log10, one tick per decade, labelled back. */
    private static void logAxis(NumberAxis axis, DoubleFunction<String> label) {
        axis.setAutoRanging(false);
        axis.setTickUnit(1);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return label.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
    }

    private static void perPhase(BarChart<String, Number> chart, DemoResults results,
                                 ToDoubleFunction<DemoResults.PhaseBars> value) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (DemoResults.PhaseBars phase : results.phases()) {
            XYChart.Data<String, Number> data = new XYChart.Data<>(DemoResults.label(phase.phase()),
                    value.applyAsDouble(phase));
            style(data, phase.phase());
            series.getData().add(data);
        }
        chart.getData().setAll(List.of(series));
    }

    /**
     * Each phase has its palette colour in every chart: red off, amber cold, green warm. Inline, because
     * BarChart resets a bar's style classes after creating it.
     */
    private static void style(XYChart.Data<String, Number> data, PhaseName phase) {
        data.nodeProperty().addListener((property, old, node) -> {
            if (node != null) {
                node.setStyle("-fx-bar-fill: " + colour(phase) + ";");
            }
        });
    }

    private static String colour(PhaseName phase) {
        return switch (phase) {
            case OFF -> "-cd-bad";
            case COLD -> "-cd-warn";
            case WARM -> "-cd-ok";
            case REDIS_DOWN -> "-cd-text-muted";
        };
    }

    /** The legend's symbols in the same phase colours: the chart would colour them by series index instead. */
    private void colourLegend(List<PhaseName> phases) {
        for (Node item : latencyChart.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && label.getGraphic() != null) {
                phases.stream().filter(phase -> label.getText().startsWith(DemoResults.label(phase))).findFirst()
                        .ifPresent(phase -> label.getGraphic().setStyle("-fx-background-color: " + colour(phase) + ";"));
            }
        }
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void export() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the report");
        File folder = chooser.showDialog(resultsCard.getScene().getWindow());
        if (folder == null) {
            return;
        }
        try {
            export.write(folder.toPath(), model.reportProperty().get(),
                    SwingFXUtils.fromFXImage(resultsCard.snapshot(null, null), null));
            model.status().done("Report written to " + folder + ".");
        } catch (IOException e) {
            model.status().fail("The report could not be written: " + e.getMessage());
        }
    }
}
