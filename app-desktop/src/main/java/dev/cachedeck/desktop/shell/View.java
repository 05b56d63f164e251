package dev.cachedeck.desktop.shell;

import java.util.List;

/**
 * What the shell asks of a tab's view-model (AtlantaFX's {@code Page}): read the server again, and know
 * whether it is on screen, so it polls only while someone looks.
 */
public interface View {
    /** Reads what the view shows from the server again (F5, the tab chosen, the server connected). */
    void refresh();

    /** The view's tab came on screen ({@code true}) or left it. */
    default void shown(boolean onScreen) {
    }

    /** One view made of several view-models, such as a tab with two cards. */
    static View of(View... parts) {
        List<View> views = List.of(parts);
        return new View() {
            @Override
            public void refresh() {
                views.forEach(View::refresh);
            }

            @Override
            public void shown(boolean onScreen) {
                views.forEach(view -> view.shown(onScreen));
            }
        };
    }
}
