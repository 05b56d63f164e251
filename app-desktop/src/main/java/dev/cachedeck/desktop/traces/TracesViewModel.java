package dev.cachedeck.desktop.traces;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.AdminApi.TraceListing;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.monitor.RequestTrace;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recent or slowest request traces, narrowed to a route, and the one whose waterfall is shown. Read on
 * demand, or every {@link #LIVE_PERIOD} while "live" is on and the tab is on screen; a re-read keeps the trace
 * being looked at.
 */
public final class TracesViewModel implements View {
    /** The choice that lists every route. */
    public static final String ALL_ROUTES = "all routes";
    /** Recent: the last hundred requests are what a person scrolls through; slowest: the worst fifty. */
    static final int RECENT_LIMIT = 100;
    static final int SLOWEST_LIMIT = 50;
    static final Duration LIVE_PERIOD = Duration.ofSeconds(2);

    private final AdminApi admin;
    private final Tasks tasks;
    private final ZoneId zone;
    private final ObjectProperty<TraceListing> listing = new SimpleObjectProperty<>(TraceListing.RECENT);
    private final ObjectProperty<String> route = new SimpleObjectProperty<>(ALL_ROUTES);
    /** Every route seen in any listing, so narrowing to one route does not take the others off the menu. */
    private final TreeSet<String> seenRoutes = new TreeSet<>();
    private final ObservableList<String> routes = FXCollections.observableArrayList(ALL_ROUTES);
    private final ObservableList<TraceRow> traces = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RequestTrace> selected = new ReadOnlyObjectWrapper<>();
    private final StatusLine status = new StatusLine();
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private boolean visible;
    private final Repeater polling;
    /** A read in flight; a live tick skips rather than queue a second one behind a slow answer. */
    private boolean reading;
    /** While the rows are replaced the table drops its selection; that is not the user choosing nothing. */
    private boolean replacing;

    public TracesViewModel(AdminApi admin, Tasks tasks, ZoneId zone) {
        this.admin = admin;
        this.tasks = tasks;
        this.zone = zone;
        this.polling = new Repeater(tasks, LIVE_PERIOD, () -> {
            if (!reading) {
                refresh();
            }
        });
        live.addListener((property, old, on) -> poll());
    }

    @Override
    public void refresh() {
        TraceListing chosen = listing.get();
        int limit = chosen == TraceListing.RECENT ? RECENT_LIMIT : SLOWEST_LIMIT;
        Optional<String> narrowedTo = Optional.ofNullable(route.get()).filter(name -> !name.equals(ALL_ROUTES));
        reading = true;
        tasks.run(() -> admin.traces(chosen, limit, narrowedTo), loaded -> {
            reading = false;
            show(loaded);
        }, problem -> {
            reading = false;
            status.problem(problem);
        });
    }

    /** Live re-reads run only while the tab is on screen. */
    @Override
    public void shown(boolean onScreen) {
        visible = onScreen;
        poll();
    }

    private void poll() {
        polling.repeat(visible && live.get());
    }

    /** Narrows the listing to {@code name} (a route from the stats); the next {@link #refresh()} reads its traces. */
    public void narrowTo(String name) {
        addRoute(name);
        route.set(name);
    }

    private void show(List<RequestTrace> loaded) {
        replacing = true;
        try {
            traces.setAll(loaded.stream().map(trace -> TraceRow.of(trace, zone)).toList());
        } finally {
            replacing = false;
        }
        loaded.forEach(trace -> addRoute(trace.route()));
        status.done(loaded.isEmpty() ? "No traces kept" + (route.get().equals(ALL_ROUTES) ? "" : " for " + route.get())
                + ": send some API requests, or switch instrumentation on." : "");
    }

    /** Routes are only ever added, in place: replacing the list would clear the chosen route for a moment. */
    private void addRoute(String name) {
        if (seenRoutes.add(name)) {
            routes.add(1 + seenRoutes.headSet(name).size(), name);
        }
    }

    public void select(TraceRow row) {
        if (row == null && replacing) {
            return;
        }
        if (row == null || selected.get() == null || row.trace().id() != selected.get().id()) {
            selected.set(row == null ? null : row.trace());
        }
    }

    /** Where the trace being looked at sits in the current rows, or -1 when none is or it has left the list. */
    public int selectedIndex() {
        RequestTrace shown = selected.get();
        for (int i = 0; shown != null && i < traces.size(); i++) {
            if (traces.get(i).trace().id() == shown.id()) {
                return i;
            }
        }
        return -1;
    }

    /** "GET /api/jobs/7 → 200 in 5.23 ms, 2 SQL statements, 4 spans (trace #812)". */
    public static String headline(RequestTrace trace) {
        return String.format(Locale.ROOT, "%s %s → %d in %s, %d SQL statement%s, %d spans (trace #%d)",
                trace.method(), trace.path(), trace.status(), Units.millis(trace.totalMicros()),
                trace.dbStatements(), trace.dbStatements() == 1 ? "" : "s", trace.spans().size(), trace.id());
    }

    public ObjectProperty<TraceListing> listingProperty() {
        return listing;
    }

    /** Re-read every {@link #LIVE_PERIOD} while the tab is on screen. */
    public BooleanProperty liveProperty() {
        return live;
    }

    public ObjectProperty<String> routeProperty() {
        return route;
    }

    public ObservableList<String> routes() {
        return routes;
    }

    public ObservableList<TraceRow> traces() {
        return traces;
    }

    public ReadOnlyObjectProperty<RequestTrace> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StatusLine status() {
        return status;
    }
}
