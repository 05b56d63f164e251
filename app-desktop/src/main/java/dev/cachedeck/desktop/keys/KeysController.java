package dev.cachedeck.desktop.keys;

import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.NamespaceRow;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** Binds KeysView.fxml to a {@link KeysViewModel}; the purge dialog is {@link PurgeDialog}. */
public final class KeysController {
    private final KeysViewModel model;
    /** The tier each tree node narrows the list to; the root and bookkeeping nodes map to null (every tier). */
    private final Map<TreeItem<String>, Tier> nodeTiers = new HashMap<>();

    @FXML private TextField patternField;
    @FXML private Label summaryNote;
    @FXML private TreeView<String> namespaceTree;
    @FXML private TableView<KeyRow> keysTable;
    @FXML private TableColumn<KeyRow, String> keyColumn;
    @FXML private TableColumn<KeyRow, Tier> tierColumn;
    @FXML private TableColumn<KeyRow, String> kindColumn;
    @FXML private TableColumn<KeyRow, String> ttlColumn;
    @FXML private TableColumn<KeyRow, String> sizeColumn;
    @FXML private Button loadMoreButton;
    @FXML private Label listNote;
    @FXML private Label keyTitle;
    @FXML private Label keyFacts;
    @FXML private TextArea valueArea;
    @FXML private TextArea dependenciesArea;
    @FXML private TextField ttlField;
    @FXML private Button ttlButton;
    @FXML private Button deleteButton;
    @FXML private ChoiceBox<String> entityType;
    @FXML private TextField entityId;
    @FXML private Label messageLabel;
    @FXML private Button purgeFilterButton;
    @FXML private Button purgeEntityButton;
    @FXML private HBox purgeProgressRow;
    @FXML private ProgressBar purgeProgressBar;
    @FXML private Label purgeProgressLabel;

    public KeysController(KeysViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        patternField.textProperty().bindBidirectional(model.patternProperty());
        patternField.setOnAction(event -> model.search());
        summaryNote.textProperty().bind(model.summaryNoteProperty());
        model.namespaces().addListener((ListChangeListener<NamespaceGroup>) change -> showTree());
        namespaceTree.getSelectionModel().selectedItemProperty().addListener((property, old, node) -> {
            if (node != null && model.tierProperty().get() != nodeTiers.get(node)) {
                model.tierProperty().set(nodeTiers.get(node));
                model.search();
            }
        });
        showTree();

        Cells.value(keyColumn, row -> row.info().key());
        Cells.tier(tierColumn, row -> row.info().tier());
        Cells.value(kindColumn, row -> KeyTexts.kind(row.info()));
        // One clock for every visible TTL: each cell's value is recomputed from the row's fetch time when it ticks.
        ttlColumn.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> KeyTexts.ttl(cell.getValue(), model.nowProperty().get()), model.nowProperty()));
        ttlColumn.getStyleClass().add("number-column");
        Cells.number(sizeColumn, row -> Units.bytes(row.info().sizeBytes()));
        keysTable.setItems(model.keys());
        keysTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keysTable.getSelectionModel().selectedItemProperty().addListener((property, old, row) -> model.select(row));
        keysTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                delete();
            }
        });
        loadMoreButton.disableProperty().bind(model.moreAvailableProperty().not().or(model.loadingProperty()));
        listNote.textProperty().bind(model.listNoteProperty());

        model.detailProperty().addListener((property, old, detail) -> showDetail(detail));
        showDetail(null);
        deleteButton.disableProperty().bind(keysTable.getSelectionModel().selectedItemProperty().isNull());
        ttlButton.disableProperty().bind(keysTable.getSelectionModel().selectedItemProperty().isNull());
        entityType.getItems().setAll("user", "job");
        entityType.setValue("user");

        StatusLabel.bind(messageLabel, model.status());

        PurgeProgressModel purge = model.purgeProgress();
        purgeProgressRow.visibleProperty().bind(purge.activeProperty());
        purgeProgressRow.managedProperty().bind(purge.activeProperty());
        purgeProgressBar.progressProperty().bind(purge.fractionProperty());
        purgeProgressLabel.textProperty().bind(purge.textProperty());
        // The server runs one purge at a time; a second would only be refused.
        purgeFilterButton.disableProperty().bind(purge.activeProperty());
        purgeEntityButton.disableProperty().bind(purge.activeProperty());
    }

    /** Ctrl+F: the pattern field, text selected so typing replaces it. */
    public void focusFilter() {
        patternField.requestFocus();
        patternField.selectAll();
    }

    private void showTree() {
        nodeTiers.clear();
        long total = model.namespaces().stream().mapToLong(NamespaceGroup::count).sum();
        long bytes = model.namespaces().stream().mapToLong(NamespaceGroup::bytes).sum();
        TreeItem<String> root = new TreeItem<>("All keys   " + amount(total, bytes));
        root.setExpanded(true);
        for (NamespaceGroup group : model.namespaces()) {
            TreeItem<String> tierNode = new TreeItem<>(group.name() + "   " + amount(group.count(), group.bytes()));
            group.tier().ifPresent(tier -> {
                Circle dot = new Circle(5);
                dot.getStyleClass().addAll("tier-dot", TierStyle.styleClass(tier));
                tierNode.setGraphic(dot);
            });
            nodeTiers.put(tierNode, group.tier().orElse(null));
            tierNode.setExpanded(true);
            for (NamespaceRow row : group.entities()) {
                TreeItem<String> entityNode = new TreeItem<>((row.entityType() == null ? "no entity" : row.entityType())
                        + "   " + amount(row.count(), row.bytes()));
                nodeTiers.put(entityNode, group.tier().orElse(null));
                tierNode.getChildren().add(entityNode);
            }
            root.getChildren().add(tierNode);
        }
        namespaceTree.setRoot(root);
    }

    private static String amount(long count, long bytes) {
        return String.format(Locale.ROOT, "%,d · %s", count, Units.bytes(bytes));
    }

    private void showDetail(KeyDetail detail) {
        keyTitle.setText(detail == null ? "Select a key to see its value." : detail.info().key());
        keyFacts.setText(detail == null ? "" : KeysViewModel.facts(detail));
        valueArea.setText(detail == null ? "" : detail.valueJson() == null ? "(lease placeholder: no value yet)"
                : detail.valueJson());
        dependenciesArea.setText(detail == null ? "" : KeysViewModel.dependencies(detail));
    }

    @FXML
    private void search() {
        model.search();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    @FXML
    private void delete() {
        model.delete(keysTable.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void changeTtl() {
        model.changeTtl(keysTable.getSelectionModel().getSelectedItem(), ttlField.getText());
    }

    /** The "Purge matching…" button and Ctrl+Shift+P: a preview of purging what the filter selects. */
    @FXML
    public void purgeMatching() {
        if (purgeFilterButton.isDisabled()) {
            return;
        }
        PurgeRequest request = model.filterPurge();
        String what = request.pattern() == null ? "tier " + request.tier().displayName()
                : "pattern " + request.pattern() + (request.tier() == null ? "" : " in tier " + request.tier().displayName());
        model.preview(request, preview -> confirm(request, what, preview));
    }

    @FXML
    private void purgeEntity() {
        long id;
        try {
            id = Long.parseLong(entityId.getText().strip());
        } catch (NumberFormatException e) {
            entityId.requestFocus();
            return;
        }
        PurgeRequest request = KeysViewModel.entityPurge(entityType.getValue(), id);
        model.preview(request, preview -> confirm(request, entityType.getValue() + " " + id, preview));
    }

    private void confirm(PurgeRequest request, String what, PurgePreview preview) {
        PurgeDialog.of(keysTable.getScene().getWindow(), what, preview).showAndWait()
                .filter(PurgeDialog.PURGE::equals)
                .ifPresent(button -> model.purge(request));
    }
}
