package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.Tier;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Circle;

/** Binds EndpointsView.fxml to an {@link EndpointsViewModel}. */
public final class EndpointsController {
    private final EndpointsViewModel model;
    /** Opens the Traces tab narrowed to a route. */
    private final Consumer<String> showTraces;

    @FXML private TableView<EndpointRow> endpointsTable;
    @FXML private CheckBox splitToggle;
    @FXML private TableColumn<EndpointRow, String> instanceColumn;
    @FXML private TableColumn<EndpointRow, String> routeColumn;
    @FXML private TableColumn<EndpointRow, Long> requestsColumn;
    @FXML private TableColumn<EndpointRow, Double> nearColumn;
    @FXML private TableColumn<EndpointRow, Double> responseColumn;
    @FXML private TableColumn<EndpointRow, Double> queryColumn;
    @FXML private TableColumn<EndpointRow, Double> modelColumn;
    @FXML private TableColumn<EndpointRow, Long> p50Column;
    @FXML private TableColumn<EndpointRow, Long> p95Column;
    @FXML private TableColumn<EndpointRow, Long> p99Column;
    @FXML private TableColumn<EndpointRow, Double> dbColumn;
    @FXML private TableColumn<EndpointRow, Long> errorsColumn;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;

    public EndpointsController(EndpointsViewModel model, Consumer<String> showTraces) {
        this.model = model;
        this.showTraces = showTraces;
    }

    @FXML
    private void initialize() {
        Cells.value(instanceColumn, EndpointRow::instance);
        Cells.value(routeColumn, EndpointRow::route);
        splitToggle.visibleProperty().bind(model.fleetShownProperty());
        splitToggle.managedProperty().bind(model.fleetShownProperty());
        splitToggle.selectedProperty().bindBidirectional(model.splitByInstanceProperty());
        instanceColumn.visibleProperty().bind(model.fleetShownProperty().and(model.splitByInstanceProperty()));
        p50Column.textProperty().bind(Bindings.concat("p50", model.percentileHeadingProperty()));
        p95Column.textProperty().bind(Bindings.concat("p95", model.percentileHeadingProperty()));
        p99Column.textProperty().bind(Bindings.concat("p99", model.percentileHeadingProperty()));
        Cells.formatted(requestsColumn, EndpointRow::requests, count -> String.format(Locale.ROOT, "%,d", count));
        hitRateColumn(nearColumn, Tier.NEAR);
        hitRateColumn(responseColumn, Tier.RESPONSE);
        hitRateColumn(queryColumn, Tier.QUERY);
        hitRateColumn(modelColumn, Tier.MODEL);
        Cells.formatted(p50Column, EndpointRow::p50Micros, Units::millis);
        Cells.formatted(p95Column, EndpointRow::p95Micros, Units::millis);
        Cells.formatted(p99Column, EndpointRow::p99Micros, Units::millis);
        Cells.formatted(dbColumn, EndpointRow::dbStatementsPerRequest,
                perRequest -> String.format(Locale.ROOT, "%.2f", perRequest));
        Cells.formatted(errorsColumn, EndpointRow::errors, count -> String.format(Locale.ROOT, "%,d", count));

        // Sorted by the user's column choice, kept across the refreshes that replace every row.
        SortedList<EndpointRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(endpointsTable.comparatorProperty());
        endpointsTable.setItems(sorted);
        requestsColumn.setSortType(TableColumn.SortType.DESCENDING);
        endpointsTable.getSortOrder().setAll(requestsColumn);

        endpointsTable.setRowFactory(table -> {
            TableRow<EndpointRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    showTraces.accept(row.getItem().route());
                }
            });
            return row;
        });
        endpointsTable.setOnKeyPressed(event -> {
            EndpointRow chosen = endpointsTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                showTraces.accept(chosen.route());
            }
        });

        summaryLabel.textProperty().bind(model.summaryProperty());
        StatusLabel.bind(messageLabel, model.status());
    }

    private static void hitRateColumn(TableColumn<EndpointRow, Double> column, Tier tier) {
        Cells.formatted(column, row -> row.hitRate(tier), Units::percent);
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("tier-dot", TierStyle.styleClass(tier));
        column.setGraphic(dot);
    }

    @FXML
    private void refresh() {
        model.refresh();
    }
}
