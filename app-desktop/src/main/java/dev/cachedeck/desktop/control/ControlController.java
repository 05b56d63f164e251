package dev.cachedeck.desktop.control;

import dev.cachedeck.desktop.shell.Cells;
import dev.cachedeck.desktop.shell.StatusLabel;
import dev.cachedeck.model.Tier;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;

/** Binds ControlView.fxml to a {@link ControlViewModel}. */
public final class ControlController {

    private final ControlViewModel model;

    @FXML private Button refreshButton;
    @FXML private Button resetCountersButton;
    @FXML private Button resetStatsButton;
    @FXML private ToggleButton cacheToggle;
    @FXML private ToggleButton nearToggle;
    @FXML private ToggleButton responseToggle;
    @FXML private ToggleButton queryToggle;
    @FXML private ToggleButton modelToggle;
    @FXML private Label circuitLabel;
    @FXML private Label nearLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<TierTotalsRow> totalsTable;
    @FXML private TableColumn<TierTotalsRow, Tier> tierColumn;
    @FXML private TableColumn<TierTotalsRow, Long> hitsColumn;
    @FXML private TableColumn<TierTotalsRow, Long> missesColumn;
    @FXML private TableColumn<TierTotalsRow, String> hitRateColumn;
    @FXML private TableColumn<TierTotalsRow, Long> putsColumn;
    @FXML private TableColumn<TierTotalsRow, Long> errorsColumn;
    @FXML private TableColumn<TierTotalsRow, Long> invalidationsColumn;
    @FXML private TableColumn<TierTotalsRow, Long> bypassesColumn;

    public ControlController(ControlViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindSwitch(cacheToggle, "Whole cache", model.cacheEnabledProperty());
        bindSwitch(nearToggle, Tier.NEAR.displayName(), model.tierEnabledProperty(Tier.NEAR));
        bindSwitch(responseToggle, Tier.RESPONSE.displayName(), model.tierEnabledProperty(Tier.RESPONSE));
        bindSwitch(queryToggle, Tier.QUERY.displayName(), model.tierEnabledProperty(Tier.QUERY));
        bindSwitch(modelToggle, Tier.MODEL.displayName(), model.tierEnabledProperty(Tier.MODEL));
        // A tier switch does nothing while the whole cache is off; greying it says so.
        for (ToggleButton tier : new ToggleButton[] {nearToggle, responseToggle, queryToggle, modelToggle}) {
            tier.disableProperty().bind(model.loadedProperty().not().or(model.cacheEnabledProperty().not()));
        }
        cacheToggle.disableProperty().bind(model.loadedProperty().not());
        resetCountersButton.disableProperty().bind(model.loadedProperty().not());
        resetStatsButton.disableProperty().bind(model.loadedProperty().not());
        circuitLabel.textProperty().bind(model.circuitProperty());
        nearLabel.textProperty().bind(model.nearProperty());
        StatusLabel.bind(messageLabel, model.status());

        Cells.tier(tierColumn, TierTotalsRow::tier);
        Cells.number(hitsColumn, TierTotalsRow::hits);
        Cells.number(missesColumn, TierTotalsRow::misses);
        Cells.number(hitRateColumn, TierTotalsRow::hitRate);
        Cells.number(putsColumn, TierTotalsRow::puts);
        Cells.number(errorsColumn, TierTotalsRow::errors);
        Cells.number(invalidationsColumn, TierTotalsRow::invalidations);
        Cells.number(bypassesColumn, TierTotalsRow::bypasses);
        totalsTable.setItems(model.totals());
    }

    /**
     * The button shows the server's state: a click asks for the opposite, the button falls back to what
     * the server last said, and the server's answer moves it. (A bound selected property would make the
     * button's own click throw.)
     */
    private static void bindSwitch(ToggleButton toggle, String name, ReadOnlyBooleanProperty on) {
        on.addListener((property, old, value) -> toggle.setSelected(value));
        toggle.setSelected(on.get());
        toggle.textProperty().bind(Bindings.when(on).then(name + "  ON").otherwise(name + "  OFF"));
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void resetStats() {
        model.resetStats();
    }

    @FXML
    private void resetCounters() {
        model.resetCounters();
    }

    @FXML
    private void cacheToggled() {
        flip(cacheToggle, model.cacheEnabledProperty(), model::setCacheEnabled);
    }

    @FXML
    private void nearToggled() {
        flipTier(nearToggle, Tier.NEAR);
    }

    @FXML
    private void responseToggled() {
        flipTier(responseToggle, Tier.RESPONSE);
    }

    @FXML
    private void queryToggled() {
        flipTier(queryToggle, Tier.QUERY);
    }

    @FXML
    private void modelToggled() {
        flipTier(modelToggle, Tier.MODEL);
    }

    private void flipTier(ToggleButton toggle, Tier tier) {
        flip(toggle, model.tierEnabledProperty(tier), on -> model.setTierEnabled(tier, on));
    }

    private static void flip(ToggleButton toggle, ReadOnlyBooleanProperty on, Consumer<Boolean> request) {
        boolean wanted = !on.get();
        toggle.setSelected(on.get());
        request.accept(wanted);
    }
}
