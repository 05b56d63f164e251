package dev.cachedeck.desktop.shell;

import dev.cachedeck.desktop.connection.ConnectionState;
import dev.cachedeck.model.monitor.Health;
import java.util.Arrays;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** Binds MainView.fxml to a {@link ConnectionViewModel} and its tabs to a {@link ShellModel}; decides nothing itself. */
public final class MainController {
    /** Column header plus borders at the stylesheet's font size. */
    private static final double TABLE_HEADER_HEIGHT = 29;

    private static final String DARK = "theme-dark";

    private final ConnectionViewModel model;
    private final ShellModel shell;
    private final WindowState windowState;

    @FXML private Label stateBadge;
    @FXML private Label serverUrlLabel;
    @FXML private HBox componentChips;
    @FXML private Label lastCheckedLabel;
    @FXML private ProgressIndicator startingIndicator;
    @FXML private Label messageLabel;
    @FXML private Label modeValue;
    @FXML private Label urlValue;
    @FXML private Label lastCheckedValue;
    @FXML private TableView<ComponentRow> componentsTable;
    @FXML private TableColumn<ComponentRow, String> nameColumn;
    @FXML private TableColumn<ComponentRow, Health.Status> statusColumn;
    @FXML private TableColumn<ComponentRow, String> latencyColumn;
    @FXML private TableColumn<ComponentRow, String> detailColumn;

    @FXML private TabPane tabs;
    @FXML private ToggleButton darkToggle;

    public MainController(ConnectionViewModel model, ShellModel shell, WindowState windowState) {
        this.model = model;
        this.shell = shell;
        this.windowState = windowState;
    }

    @FXML
    private void initialize() {
        stateBadge.textProperty().bind(model.stateProperty().asString());
        model.stateProperty().addListener((property, old, state) -> styleBadge(state));
        styleBadge(model.stateProperty().get());
        serverUrlLabel.textProperty().bind(model.serverUrlProperty());
        lastCheckedLabel.textProperty().bind(Bindings.concat("checked ", model.lastCheckedProperty()));
        lastCheckedLabel.visibleProperty().bind(model.lastCheckedProperty().isNotEmpty());
        model.components().addListener((ListChangeListener<ComponentRow>) change -> showChips());
        showChips();

        startingIndicator.visibleProperty().bind(model.stateProperty().isEqualTo(ConnectionState.STARTING));
        startingIndicator.managedProperty().bind(startingIndicator.visibleProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        modeValue.textProperty().bind(orDash(model.modeProperty()));
        urlValue.textProperty().bind(orDash(model.serverUrlProperty()));
        lastCheckedValue.textProperty().bind(orDash(model.lastCheckedProperty()));

        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name()));
        statusColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().status()));
        statusColumn.setCellFactory(column -> new StatusCell());
        latencyColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().latency()));
        detailColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().detail()));
        componentsTable.setItems(model.components());
        // Exactly as tall as its rows (at least two), so no empty stripes sit under the last component.
        componentsTable.prefHeightProperty().bind(Bindings.max(2, Bindings.size(model.components()))
                .multiply(componentsTable.getFixedCellSize()).add(TABLE_HEADER_HEIGHT));
        componentsTable.minHeightProperty().bind(componentsTable.prefHeightProperty());

        tabs.getSelectionModel().select(tab(shell.selectedProperty().get()));
        tabs.getSelectionModel().selectedItemProperty().addListener((property, old, tab) ->
                shell.navigate(page(tab)));
        shell.selectedProperty().addListener((property, old, page) -> {
            tabs.getSelectionModel().select(tab(page));
            windowState.page(page);
        });
        darkToggle.setSelected(windowState.dark());
        darkToggle.selectedProperty().addListener((property, old, dark) -> {
            windowState.dark(dark);
            applyTheme();
        });
        tabs.sceneProperty().addListener((property, old, scene) -> applyTheme());
    }

    private Tab tab(Page page) {
        return tabs.getTabs().stream().filter(tab -> page.tabId().equals(tab.getId())).findFirst().orElseThrow();
    }

    private static Page page(Tab tab) {
        return Arrays.stream(Page.values()).filter(page -> page.tabId().equals(tab.getId())).findFirst().orElseThrow();
    }

    private void applyTheme() {
        if (tabs.getScene() == null) {
            return;
        }
        var rootStyles = tabs.getScene().getRoot().getStyleClass();
        rootStyles.remove(DARK);
        if (darkToggle.isSelected()) {
            rootStyles.add(DARK);
        }
    }

    /** A fact not known yet reads as a dash rather than a blank that looks like a fault. */
    private static StringExpression orDash(ReadOnlyStringProperty value) {
        return Bindings.when(value.isEmpty()).then("—").otherwise(value);
    }

    private void styleBadge(ConnectionState state) {
        stateBadge.getStyleClass().removeIf(style -> style.startsWith("state-"));
        stateBadge.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }

    private void showChips() {
        componentChips.getChildren().setAll(model.components().stream().map(row -> {
            Label chip = new Label(row.name() + " " + row.status());
            chip.setId(row.name().toLowerCase(Locale.ROOT) + "Chip");
            chip.getStyleClass().addAll("chip", statusStyle(row.status()));
            return chip;
        }).toList());
    }

    private static String statusStyle(Health.Status status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** Shows a status as a coloured word, the same colours as the status bar chips. */
    private static final class StatusCell extends TableCell<ComponentRow, Health.Status> {
        @Override
        protected void updateItem(Health.Status status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeIf(style -> style.startsWith("status-"));
            if (empty || status == null) {
                setText(null);
            } else {
                setText(status.name());
                getStyleClass().add(statusStyle(status));
            }
        }
    }
}
