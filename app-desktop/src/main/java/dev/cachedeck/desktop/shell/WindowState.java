package dev.cachedeck.desktop.shell;

import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window was, how big, which page and which theme, kept in {@link Preferences} between runs. Where it
 * opens again is decided by {@link WindowPlacement}, so a saved place no screen shows any more is not used.
 */
public final class WindowState {
    private static final WindowPlacement.Bounds DEFAULT_SIZE = new WindowPlacement.Bounds(0, 0, 1280, 820);

    private final Preferences prefs;

    public WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    public void restore(Stage stage) {
        Screen primary = Screen.getPrimary();
        List<WindowPlacement.Bounds> screens = Stream.concat(Stream.of(primary),
                        Screen.getScreens().stream().filter(screen -> !screen.equals(primary)))
                .map(Screen::getVisualBounds)
                .map(bounds -> new WindowPlacement.Bounds(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(),
                        bounds.getHeight()))
                .toList();
        WindowPlacement.Bounds size = new WindowPlacement.Bounds(0, 0, prefs.getDouble("width", DEFAULT_SIZE.width()),
                prefs.getDouble("height", DEFAULT_SIZE.height()));
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        WindowPlacement.Bounds saved = Double.isNaN(x) || Double.isNaN(y) ? null
                : new WindowPlacement.Bounds(x, y, size.width(), size.height());
        WindowPlacement.Bounds place = WindowPlacement.place(saved, size, screens);
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(prefs.getBoolean("maximized", false));
    }

    public void remember(Stage stage) {
        prefs.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("x", stage.getX());
            prefs.putDouble("y", stage.getY());
            prefs.putDouble("width", stage.getWidth());
            prefs.putDouble("height", stage.getHeight());
        }
    }

    /** The page on screen when the window was last closed; the dashboard at first. */
    public Page page() {
        String name = prefs.get("page", Page.DASHBOARD.name());
        try {
            return Page.valueOf(name);
        } catch (IllegalArgumentException renamed) {
            return Page.DASHBOARD;
        }
    }

    public void page(Page page) {
        prefs.put("page", page.name());
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void dark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }
}
