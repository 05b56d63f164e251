package dev.cachedeck.desktop.shell;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/** Shows a {@link StatusLine} in a label, styled {@code :failed} (cachedeck.css) while it reports a failure. */
public final class StatusLabel {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private StatusLabel() {
    }

    public static void bind(Label label, StatusLine status) {
        label.textProperty().bind(status.messageProperty());
        label.pseudoClassStateChanged(FAILED, status.failedProperty().get());
        status.failedProperty().addListener((property, old, failed) -> label.pseudoClassStateChanged(FAILED, failed));
    }
}
