package dev.cachedeck.desktop.shell;

import dev.cachedeck.model.Tier;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.shape.Circle;

/** Table column wiring shared by the views: a value from a record, and a tier shown with its colour. */
public final class Cells {
    private Cells() {
    }

    public static <R, V> void value(TableColumn<R, V> column, Function<R, V> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** A right-aligned number column (the style class aligns it). */
    public static <R, V> void number(TableColumn<R, V> column, Function<R, V> value) {
        value(column, value);
        column.getStyleClass().add("number-column");
    }

    public static <R> void tier(TableColumn<R, Tier> column, Function<R, Tier> value) {
        value(column, value);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Tier tier, boolean empty) {
                super.updateItem(tier, empty);
                if (empty || tier == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(tier.displayName());
                    Circle dot = new Circle(5);
                    dot.getStyleClass().addAll("tier-dot", TierStyle.styleClass(tier));
                    setGraphic(dot);
                }
            }
        });
    }
}
