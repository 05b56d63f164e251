package dev.cachedeck.desktop.shell;

import java.util.List;

/**
 * Where to open the window, from where it was last and the screens there are now. A window is only usable if
 * its title bar can be grabbed, so a saved place is kept when enough of its top strip lies on one screen;
 * otherwise (a monitor unplugged, a laptop off its dock, a resolution lowered) the window opens centred on the
 * primary screen. Either way it is never larger than the screen it opens on.
 */
public final class WindowPlacement {
    /** How much of the title bar must show on one screen to be grabbed with the mouse. */
    static final double GRAB_WIDTH = 120;
    static final double GRAB_HEIGHT = 30;

    /** A rectangle in screen coordinates. */
    public record Bounds(double x, double y, double width, double height) {
        double maxX() {
            return x + width;
        }

        double maxY() {
            return y + height;
        }
    }

    private WindowPlacement() {
    }

    /**
     * @param saved   the last place and size, or null on a first start (then {@code size} is used, centred)
     * @param size    the size to use without a saved one; its x and y are ignored
     * @param screens the screens' visual bounds (without task bars), the primary one first
     */
    public static Bounds place(Bounds saved, Bounds size, List<Bounds> screens) {
        Bounds primary = screens.getFirst();
        if (saved != null) {
            for (Bounds screen : screens) {
                if (titleBarShows(saved, screen)) {
                    return fitted(saved, screen);
                }
            }
        }
        Bounds wanted = saved == null ? size : saved;
        double width = Math.min(wanted.width(), primary.width());
        double height = Math.min(wanted.height(), primary.height());
        return new Bounds(primary.x() + (primary.width() - width) / 2, primary.y() + (primary.height() - height) / 2,
                width, height);
    }

    private static boolean titleBarShows(Bounds window, Bounds screen) {
        double left = Math.max(window.x(), screen.x());
        double right = Math.min(window.maxX(), screen.maxX());
        double top = Math.max(window.y(), screen.y());
        double bottom = Math.min(window.y() + GRAB_HEIGHT, screen.maxY());
        return right - left >= GRAB_WIDTH && bottom - top >= GRAB_HEIGHT;
    }

    /** Shrinks the window to the screen and moves it just enough to lie on it whole. */
    private static Bounds fitted(Bounds window, Bounds screen) {
        double width = Math.min(window.width(), screen.width());
        double height = Math.min(window.height(), screen.height());
        double x = Math.min(Math.max(window.x(), screen.x()), screen.maxX() - width);
        double y = Math.min(Math.max(window.y(), screen.y()), screen.maxY() - height);
        return new Bounds(x, y, width, height);
    }
}
