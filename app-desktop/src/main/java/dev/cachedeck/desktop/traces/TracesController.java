package dev.cachedeck.desktop.traces;

import dev.cachedeck.desktop.client.AdminApi.TraceListing;
import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.monitor.RequestTrace;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** Binds TracesView.fxml to a {@link TracesViewModel}; the waterfall is drawn by {@link WaterfallView}. */
public final class TracesController {
    private final TracesViewModel model;

    @FXML private ToggleButton recentButton;
    @FXML private ToggleButton slowestButton;
    @FXML private ChoiceBox<String> routeChoice;
    @FXML private ToggleButton liveButton;
    @FXML private TableView<TraceRow> tracesTable;
    @FXML private TableColumn<TraceRow, String> atColumn;
    @FXML private TableColumn<TraceRow, String> routeColumn;
    @FXML private TableColumn<TraceRow, String> pathColumn;
    @FXML private TableColumn<TraceRow, Integer> statusColumn;
    @FXML private TableColumn<TraceRow, Long> totalColumn;
    @FXML private TableColumn<TraceRow, Integer> dbColumn;
    @FXML private TableColumn<TraceRow, String> cacheColumn;
    @FXML private Label headline;
    @FXML private WaterfallView waterfall;
    @FXML private Label messageLabel;

    public TracesController(TracesViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        ToggleGroup listing = new ToggleGroup();
        recentButton.setToggleGroup(listing);
        slowestButton.setToggleGroup(listing);
        recentButton.setSelected(model.listingProperty().get() == TraceListing.RECENT);
        slowestButton.setSelected(!recentButton.isSelected());
        listing.selectedToggleProperty().addListener((property, old, toggle) -> {
            if (toggle == null) {
                // One of the two is always chosen: clicking the chosen one again keeps it.
                old.setSelected(true);
                return;
            }
            model.listingProperty().set(toggle == slowestButton ? TraceListing.SLOWEST
                    : TraceListing.RECENT);
            model.refresh();
        });
        routeChoice.setItems(model.routes());
        routeChoice.valueProperty().bindBidirectional(model.routeProperty());
        routeChoice.setOnAction(event -> model.refresh());

        Cells.value(atColumn, TraceRow::at);
        Cells.value(routeColumn, TraceRow::route);
        Cells.value(pathColumn, TraceRow::path);
        Cells.number(statusColumn, TraceRow::status);
        Cells.formatted(totalColumn, TraceRow::totalMicros, Units::millis);
        Cells.number(dbColumn, TraceRow::dbStatements);
        Cells.value(cacheColumn, TraceRow::cache);
        tracesTable.setItems(model.traces());
        tracesTable.getSelectionModel().selectedItemProperty().addListener((property, old, row) -> model.select(row));
        // New rows keep the trace being looked at selected (a live re-read); otherwise the first trace's
        // waterfall is shown rather than an empty pane.
        model.traces().addListener((ListChangeListener<TraceRow>) change -> {
            if (tracesTable.getSelectionModel().isEmpty() && !model.traces().isEmpty()) {
                tracesTable.getSelectionModel().select(Math.max(0, model.selectedIndex()));
            }
        });
        liveButton.selectedProperty().bindBidirectional(model.liveProperty());

        model.selectedProperty().addListener((property, old, trace) -> showTrace(trace));
        showTrace(null);
        StatusLabel.bind(messageLabel, model.status());
    }

    private void showTrace(RequestTrace trace) {
        headline.setText(trace == null ? "Select a trace to see its waterfall." : TracesViewModel.headline(trace));
        waterfall.show(trace);
    }

    @FXML
    private void refresh() {
        model.refresh();
    }
}
