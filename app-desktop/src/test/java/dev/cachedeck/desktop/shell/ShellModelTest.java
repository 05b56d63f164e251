package dev.cachedeck.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.desktop.connection.ConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ShellModelTest {
    private final List<String> seen = new ArrayList<>();
    private final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.STARTING);

    private View recording(String name) {
        return new View() {
            @Override
            public void refresh() {
                seen.add(name + " refresh");
            }

            @Override
            public void shown(boolean onScreen) {
                seen.add(name + (onScreen ? " shown" : " hidden"));
            }
        };
    }

    private ShellModel shell(Page first) {
        return new ShellModel(Map.of(Page.KEYS, recording("keys"), Page.TRACES, recording("traces")), connection, first);
    }

    @Test
    void theFirstPageIsShownButNotReadBeforeTheServerAnswers() {
        shell(Page.KEYS);
        assertEquals(List.of("keys shown"), seen);

        connection.set(ConnectionState.CONNECTED);
        assertEquals(List.of("keys shown", "keys refresh"), seen);
    }

    @Test
    void navigatingHidesTheOldPageShowsTheNewOneAndReadsIt() {
        ShellModel shell = shell(Page.KEYS);
        connection.set(ConnectionState.CONNECTED);
        seen.clear();

        shell.navigate(Page.TRACES);

        assertEquals(Page.TRACES, shell.selectedProperty().get());
        assertEquals(List.of("keys hidden", "traces shown", "traces refresh"), seen);
    }

    @Test
    void aPageWithoutAViewCanBeShownAndRefreshedSafely() {
        ShellModel shell = shell(Page.DASHBOARD);
        connection.set(ConnectionState.CONNECTED);

        shell.navigate(Page.KEYS);
        shell.navigate(Page.DASHBOARD);
        shell.refresh();

        assertEquals(List.of("keys shown", "keys refresh", "keys hidden"), seen);
    }

    @Test
    void aReconnectReadsThePageOnScreenAgainButFurtherHealthAnswersDoNot() {
        shell(Page.TRACES);
        connection.set(ConnectionState.CONNECTED);
        connection.set(ConnectionState.UNREACHABLE);
        connection.set(ConnectionState.CONNECTED);

        assertEquals(List.of("traces shown", "traces refresh", "traces refresh"), seen);
    }

    @Test
    void aCompositeViewPassesEverythingToEachPart() {
        View both = View.of(recording("control"), recording("policy"));
        both.shown(true);
        both.refresh();
        assertEquals(List.of("control shown", "policy shown", "control refresh", "policy refresh"), seen);
    }
}
