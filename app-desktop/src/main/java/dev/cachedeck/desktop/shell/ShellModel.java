package dev.cachedeck.desktop.shell;

import dev.cachedeck.desktop.connection.ConnectionState;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Which page is on screen, as a typed property (AtlantaFX's {@code MainModel}). Choosing a page tells the old
 * view it left the screen and the new one it is shown, and refreshes the new one once the server is connected;
 * connecting refreshes the page on screen. Used on the FX thread.
 */
public final class ShellModel {
    private static final View NOTHING = () -> {
    };

    private final Map<Page, View> views;
    private final ObservableValue<ConnectionState> connection;
    private final ObjectProperty<Page> selected;

    /** {@code views}: the pages that read the server; a page without one (the live dashboard) is only shown. */
    public ShellModel(Map<Page, View> views, ObservableValue<ConnectionState> connection, Page first) {
        this.views = new EnumMap<>(views);
        this.connection = connection;
        this.selected = new SimpleObjectProperty<>(first);
        view(first).shown(true);
        selected.addListener((property, old, page) -> {
            view(old).shown(false);
            view(page).shown(true);
            refresh();
        });
        connection.addListener((property, old, state) -> {
            if (state == ConnectionState.CONNECTED && old != ConnectionState.CONNECTED) {
                refresh();
            }
        });
    }

    public void navigate(Page page) {
        selected.set(page);
    }

    /** Refreshes the page on screen, unless the server has not answered yet (its calls would only fail). */
    public void refresh() {
        if (connection.getValue() != ConnectionState.STARTING) {
            view(selected.get()).refresh();
        }
    }

    public ObjectProperty<Page> selectedProperty() {
        return selected;
    }

    private View view(Page page) {
        return views.getOrDefault(page, NOTHING);
    }
}
