package dev.cachedeck.desktop.shell;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the window was, how big, which tab and which theme, kept in {@link Preferences} between runs.
 * A saved position that no screen shows any more (a monitor unplugged) is ignored.
 */
public final class WindowState {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 820;

    private final Preferences prefs;

    public WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    public void restore(Stage stage) {
        double width = prefs.getDouble("width", DEFAULT_WIDTH);
        double height = prefs.getDouble("height", DEFAULT_HEIGHT);
        stage.setWidth(width);
        stage.setHeight(height);
        double x = prefs.getDouble("x", Double.NaN);
        double y = prefs.getDouble("y", Double.NaN);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
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

    public int selectedTab() {
        return prefs.getInt("tab", 0);
    }

    public void selectedTab(int index) {
        prefs.putInt("tab", index);
    }

    public boolean dark() {
        return prefs.getBoolean("dark", false);
    }

    public void dark(boolean dark) {
        prefs.putBoolean("dark", dark);
    }
}
