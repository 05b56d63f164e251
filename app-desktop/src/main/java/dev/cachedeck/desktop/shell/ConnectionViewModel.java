package dev.cachedeck.desktop.shell;

import dev.cachedeck.desktop.connection.ConnectionEvent;
import dev.cachedeck.desktop.connection.ConnectionState;
import dev.cachedeck.desktop.connection.HealthReport;
import dev.cachedeck.desktop.connection.ServerConnector;
import dev.cachedeck.model.monitor.Health;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Connection state and server health in the words and values the shell shows. Fed connection
 * events one at a time; must be used on the FX thread once a view is bound to it.
 */
public final class ConnectionViewModel {
    private final DateTimeFormatter timeFormat;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.STARTING);
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serverUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastChecked = new ReadOnlyStringWrapper("");
    private final ObservableList<ComponentRow> components = FXCollections.observableArrayList();
    private final ObservableList<ComponentRow> componentsView = FXCollections.unmodifiableObservableList(components);

    /** {@code zone} is where "last checked" times are shown. */
    public ConnectionViewModel(ZoneId zone) {
        this.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    public void accept(ConnectionEvent event) {
        switch (event) {
            case ConnectionEvent.Starting starting -> starting(starting.connector());
            case ConnectionEvent.Connected connected -> connected(connected);
            case ConnectionEvent.StartFailed failed -> {
                state.set(ConnectionState.UNREACHABLE);
                message.set("The embedded server did not start: " + failed.problem());
            }
            case ConnectionEvent.Checked checked -> checked(checked.report());
            case ConnectionEvent.Stopping stopping -> message.set(stopping.embedded()
                    ? "Stopping the embedded server…" : "Closing…");
        }
    }

    private void starting(ServerConnector connector) {
        state.set(ConnectionState.STARTING);
        switch (connector) {
            case ServerConnector.Embedded embedded -> {
                mode.set("Embedded (in this process)");
                message.set("Starting the embedded server. A first start with a file database generates "
                        + "the sample data, which can take a minute or more.");
            }
            case ServerConnector.Remote remote -> {
                mode.set("Remote");
                serverUrl.set(remote.baseUri().toString());
                message.set("Connecting to " + remote.baseUri() + "…");
            }
        }
    }

    private void connected(ConnectionEvent.Connected connected) {
        serverUrl.set(connected.baseUri().toString());
        message.set("Waiting for the first health answer…");
    }

    private void checked(HealthReport report) {
        state.set(report.state());
        lastChecked.set(timeFormat.format(report.checkedAt()));
        report.health().ifPresentOrElse(health -> {
            components.setAll(rows(health.components()));
            message.set(explain(health));
        }, () -> {
            // Last known statuses would read as current; an empty table says "unknown" honestly.
            components.clear();
            message.set("No answer from the server: " + report.problem() + ". Retrying…");
        });
    }

    private static List<ComponentRow> rows(Map<String, Health.Component> components) {
        return components.entrySet().stream()
                .map(entry -> new ComponentRow(displayName(entry.getKey()), entry.getValue().status(),
                        latency(entry.getValue().latencyMicros()), entry.getValue().detail()))
                .toList();
    }

    private static String explain(Health health) {
        if (isDown(health, "database")) {
            return "The database is down: API requests fail with 503 until it is back.";
        }
        if (isDown(health, "redis")) {
            return "Redis is down: every request is answered from the database, uncached, until it is back.";
        }
        return health.status() == Health.Status.UP ? "The server, its database and Redis all answer."
                : "The server reports " + health.status() + ".";
    }

    private static boolean isDown(Health health, String component) {
        Health.Component found = health.components().get(component);
        return found != null && found.status() == Health.Status.DOWN;
    }

    private static String displayName(String key) {
        return key.isEmpty() ? key : key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    private static String latency(long micros) {
        return micros < 1_000 ? micros + " µs" : String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Embedded or remote; empty until the connection starts. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Empty until known: an embedded server's port is only known once it listens. */
    public ReadOnlyStringProperty serverUrlProperty() {
        return serverUrl.getReadOnlyProperty();
    }

    /** One sentence on what the state means for the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Local time of the last health poll, answered or not; empty before the first. */
    public ReadOnlyStringProperty lastCheckedProperty() {
        return lastChecked.getReadOnlyProperty();
    }

    /** The dependencies the last answer listed (database, Redis); empty without an answer. */
    public ObservableList<ComponentRow> components() {
        return componentsView;
    }
}
