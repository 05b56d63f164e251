package dev.cachedeck.desktop.keys;

import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.keys.PurgePreview;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The purge preview: what would go, and a typed confirmation when it is a lot ({@link PurgeConfirmation}). */
final class PurgeDialog {
    static final ButtonType PURGE = new ButtonType("Purge", ButtonBar.ButtonData.OK_DONE);

    private PurgeDialog() {
    }

    /** A dialog whose result is {@link #PURGE} only when the confirmation rule is met. */
    static Dialog<ButtonType> of(Window owner, String what, PurgePreview preview) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Purge preview");
        dialog.setHeaderText(String.format(Locale.ROOT, "Purge %,d keys (%s) selected by %s?", preview.count(),
                Units.bytes(preview.bytes()), what));
        dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        dialog.getDialogPane().getStyleClass().add("purge-dialog");

        Label routes = new Label(preview.routesAffected().isEmpty() ? "Routes affected: none"
                : "Routes affected: " + String.join(", ", preview.routesAffected()));
        routes.setWrapText(true);
        ListView<String> samples = new ListView<>();
        samples.getItems().setAll(preview.sampleKeys());
        samples.setId("purgeSamples");
        samples.setPrefHeight(180);
        VBox content = new VBox(8, routes, new Label("Sample keys:"), samples);
        content.setPrefWidth(560);

        TextField typed = new TextField();
        typed.setId("purgeConfirmField");
        if (PurgeConfirmation.typingRequired(preview.count())) {
            typed.setPromptText(String.format(Locale.ROOT, "type %d or purge", preview.count()));
            content.getChildren().addAll(new Label(String.format(Locale.ROOT,
                    "More than %,d keys: type the count (%d) or the word purge to confirm.",
                    PurgeConfirmation.TYPED_ABOVE, preview.count())), typed);
        }
        if (preview.count() == 0) {
            content.getChildren().add(new Label("Nothing matches: there is nothing to purge."));
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(PURGE, ButtonType.CANCEL);
        Button purge = (Button) dialog.getDialogPane().lookupButton(PURGE);
        purge.setId("purgeConfirmButton");
        purge.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !PurgeConfirmation.accepts(preview.count(), typed.getText()), typed.textProperty()));
        return dialog;
    }
}
