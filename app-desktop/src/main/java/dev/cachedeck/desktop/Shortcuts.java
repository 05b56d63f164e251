package dev.cachedeck.desktop;

import dev.cachedeck.desktop.keys.KeysController;
import dev.cachedeck.desktop.shell.Page;
import dev.cachedeck.desktop.shell.ShellModel;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's keyboard shortcuts (listed in docs/desktop.md). */
final class Shortcuts {
    private Shortcuts() {
    }

    static void install(Scene scene, ShellModel shell, KeysController keys) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.F5), shell::refresh);
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            shell.navigate(Page.KEYS);
            keys.focusFilter();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> {
                    shell.navigate(Page.KEYS);
                    keys.purgeMatching();
                });
        Page[] pages = Page.values();
        for (int i = 0; i < pages.length && i < 9; i++) {
            Page page = pages[i];
            accelerators.put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.navigate(page));
        }
    }
}
