package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.fleet.FleetPoll;
import dev.cachedeck.desktop.fleet.InstanceRow;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard of a fleet. It looks for instances (every {@link #DISCOVERY}) from the start; while there is one,
 * the dashboard stays the single server's, fed by its live stream. Once a second instance is known it stops that
 * stream, polls every instance each {@link #POLL}, feeds the charts and tiles the fleet's merged seconds and keeps
 * the instance table (the fleet's line and one per instance) current. A fleet does not turn back into one server:
 * an instance that stops answering stays in the table as unreachable.
 */
public final class FleetViewModel {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration DISCOVERY = Duration.ofSeconds(5);

    private final Fleet fleet;
    private final Tasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final DashboardViewModel dashboard;
    private final LiveSeries series;
    private final Runnable stopLiveStream;
    private final Repeater discovery;
    private final Repeater polling;
    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper balancerNote = new ReadOnlyStringWrapper("");
    // UI thread only: one discovery and one poll at a time, so a slow instance does not pile up calls.
    private boolean discovering;
    private boolean reading;

    public FleetViewModel(Fleet fleet, Tasks tasks, Clock clock, ZoneId zone, DashboardViewModel dashboard,
                          LiveSeries series, Runnable stopLiveStream) {
        this.fleet = fleet;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        this.dashboard = dashboard;
        this.series = series;
        this.stopLiveStream = stopLiveStream;
        this.discovery = new Repeater(tasks, DISCOVERY, this::discover);
        this.polling = new Repeater(tasks, POLL, this::poll);
        dashboard.windowSecondsProperty().addListener((property, old, seconds) -> showRows());
    }

    /** Starts looking for instances, now and every {@link #DISCOVERY}; call on the UI thread once connected. */
    public void start() {
        discovery.repeat(true);
        discover();
    }

    /** Stops every poll; the app is closing. */
    public void stop() {
        discovery.repeat(false);
        polling.repeat(false);
    }

    void discover() {
        if (discovering) {
            return;
        }
        discovering = true;
        tasks.run(() -> {
            fleet.discover();
            return fleet.isFleet();
        }, isFleet -> {
            discovering = false;
            if (isFleet && !shown.get()) {
                becomeFleet();
            }
            showRows();
        }, problem -> discovering = false);
    }

    private void becomeFleet() {
        shown.set(true);
        stopLiveStream.run();
        dashboard.showFleet();
        polling.repeat(true);
        poll();
    }

    void poll() {
        if (reading) {
            return;
        }
        reading = true;
        tasks.run(() -> {
            FleetPoll polled = fleet.poll(clock.instant());
            // The charts' data sets are written off the UI thread (ChartFX locks them during layout).
            if (polled.redrawn()) {
                series.clear();
            }
            series.append(polled.seconds());
            return polled;
        }, polled -> {
            reading = false;
            if (polled.redrawn()) {
                dashboard.showFleet();
            }
            dashboard.accept(polled.seconds());
            showRows();
        }, problem -> reading = false);
    }

    private void showRows() {
        if (!shown.get()) {
            return;
        }
        List<InstanceRow> table = fleet.rows(dashboard.windowSecondsProperty().get(), zone);
        rows.setAll(table);
        InstanceRow total = table.getFirst();
        dashboard.fleetStatus("Fleet: " + total.url() + ", " + total.state() + " · each polled every "
                + POLL.toSeconds() + " s");
        balancerNote.set(balancerNote(fleet.balancers()));
    }

    private String balancerNote(Map<URI, Set<String>> balancers) {
        return balancers.entrySet().stream().map(balancer -> balancer.getKey() + " answered as "
                        + String.join(", ", balancer.getValue()) + ": it is a load balancer; "
                        + (fleet.listsInstances(balancer.getKey())
                        ? "the instances it listed are polled directly, its own figures are left out."
                        : "it lists no instances, so its line is the balancer's mix of them."))
                .collect(Collectors.joining("\n"));
    }

    /** The fleet's line first, then one per instance; empty while there is one server. */
    public ObservableList<InstanceRow> rows() {
        return rows;
    }

    /** Whether the dashboard shows a fleet (two instances or more known). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** What the desktop found out about load balancers among the servers it was given; empty when none. */
    public ReadOnlyStringProperty balancerNoteProperty() {
        return balancerNote.getReadOnlyProperty();
    }
}
