package dev.cachedeck.desktop.control;

import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.model.Tier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.shape.Circle;
import javafx.util.converter.DefaultStringConverter;

/** Binds ControlPolicyView.fxml to a {@link PolicyViewModel}. */
public final class PolicyController {
    /** Column header plus borders at the stylesheet's font size, so the table is exactly as tall as its rows. */
    private static final double TABLE_HEADER_HEIGHT = 31;

    private final PolicyViewModel model;

    @FXML private ChoiceBox<String> entityType;
    @FXML private TextField entityId;
    @FXML private Label messageLabel;
    @FXML private TableView<PolicyRow> ttlTable;
    @FXML private TableColumn<PolicyRow, String> ttlTypeColumn;
    @FXML private TableColumn<PolicyRow, String> ttlResponseColumn;
    @FXML private TableColumn<PolicyRow, String> ttlQueryColumn;
    @FXML private TableColumn<PolicyRow, String> ttlModelColumn;
    @FXML private Label policyNote;
    @FXML private TableView<InvalidationRow> logTable;
    @FXML private TableColumn<InvalidationRow, String> atColumn;
    @FXML private TableColumn<InvalidationRow, String> causeColumn;
    @FXML private TableColumn<InvalidationRow, String> routeColumn;
    @FXML private TableColumn<InvalidationRow, String> tagsColumn;
    @FXML private TableColumn<InvalidationRow, String> removedColumn;
    @FXML private TableColumn<InvalidationRow, String> tookColumn;
    @FXML private TableColumn<InvalidationRow, String> appliedColumn;

    public PolicyController(PolicyViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        entityType.getItems().setAll("user", "job");
        entityType.setValue("user");
        entityId.setOnAction(event -> invalidate());
        StatusLabel.bind(messageLabel, model.status());

        Cells.value(ttlTypeColumn, PolicyRow::dataType);
        ttlColumn(ttlResponseColumn, Tier.RESPONSE);
        ttlColumn(ttlQueryColumn, Tier.QUERY);
        ttlColumn(ttlModelColumn, Tier.MODEL);
        ttlTable.setItems(model.rules());
        ttlTable.prefHeightProperty().bind(Bindings.size(model.rules()).multiply(ttlTable.getFixedCellSize())
                .add(TABLE_HEADER_HEIGHT));
        ttlTable.minHeightProperty().bind(ttlTable.prefHeightProperty());
        policyNote.textProperty().bind(model.policyNoteProperty());

        Cells.value(atColumn, InvalidationRow::at);
        Cells.value(causeColumn, InvalidationRow::cause);
        Cells.value(routeColumn, InvalidationRow::route);
        Cells.value(tagsColumn, InvalidationRow::tags);
        Cells.value(removedColumn, InvalidationRow::keysRemoved);
        Cells.number(tookColumn, InvalidationRow::took);
        Cells.value(appliedColumn, InvalidationRow::applied);
        logTable.setItems(model.log());
    }

    /** A tier's TTL column: the header carries the tier's colour, and only cells with a rule can be edited. */
    private void ttlColumn(TableColumn<PolicyRow, String> column, Tier tier) {
        Cells.value(column, row -> row.ttlText(tier));
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("tier-dot", TierStyle.styleClass(tier));
        column.setGraphic(dot);
        column.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                PolicyRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.rule(tier).isPresent()) {
                    super.startEdit();
                }
            }
        });
        column.setOnEditCommit(edit -> model.changeTtl(edit.getRowValue(), tier, edit.getNewValue()));
    }

    @FXML
    private void invalidate() {
        model.invalidate(entityType.getValue(), entityId.getText());
    }

    @FXML
    private void refresh() {
        model.refresh();
    }
}
