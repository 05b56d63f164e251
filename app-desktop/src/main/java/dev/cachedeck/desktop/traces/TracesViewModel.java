package dev.cachedeck.desktop.traces;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.desktop.admin.Repeater;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.monitor.RequestTrace;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The recent or slowest request traces, narrowed to a route, and the one whose waterfall is shown. Read on
 * demand, or every {@link #LIVE_PERIOD} while "live" is on and the tab is on screen; a re-read keeps the trace
 * being looked at.
 */
public final class TracesViewModel {
    /** The choice that lists every route. */
    public static final String ALL_ROUTES = "all routes";
    /** Recent: the last hundred requests are what a person scrolls through; slowest: the worst fifty. */
    static final int RECENT_LIMIT = 100;
    static final int SLOWEST_LIMIT = 50;
    static final Duration LIVE_PERIOD = Duration.ofSeconds(2);
    private static final TypeReference<List<RequestTrace>> TRACES = new TypeReference<>() {
    };

    public enum Listing { RECENT, SLOWEST }

    private final AdminClient admin;
    private final AdminTasks tasks;
    private final ZoneId zone;
    private final ObjectProperty<Listing> listing = new SimpleObjectProperty<>(Listing.RECENT);
    private final ObjectProperty<String> route = new SimpleObjectProperty<>(ALL_ROUTES);
    /** Every route seen in any listing, so narrowing to one route does not take the others off the menu. */
    private final TreeSet<String> seenRoutes = new TreeSet<>();
    private final ObservableList<String> routes = FXCollections.observableArrayList(ALL_ROUTES);
    private final ObservableList<TraceRow> traces = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RequestTrace> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private boolean visible;
    private final Repeater polling;
    /** A read in flight; a live tick skips rather than queue a second one behind a slow answer. */
    private boolean reading;
    /** While the rows are replaced the table drops its selection; that is not the user choosing nothing. */
    private boolean replacing;

    public TracesViewModel(AdminClient admin, AdminTasks tasks, ZoneId zone, ScheduledExecutorService poller) {
        this.admin = admin;
        this.tasks = tasks;
        this.zone = zone;
        this.polling = new Repeater(poller, LIVE_PERIOD, () -> tasks.onUi(() -> {
            if (!reading) {
                refresh();
            }
        }));
        live.addListener((property, old, on) -> poll());
    }

    public void refresh() {
        String path = path(listing.get(), route.get());
        reading = true;
        tasks.run(() -> admin.get(path, TRACES), loaded -> {
            reading = false;
            show(loaded);
        }, problem -> {
            reading = false;
            problem(problem);
        });
    }

    /** The app tells whether the tab is on screen; live re-reads run only then. */
    public void active(boolean onScreen) {
        visible = onScreen;
        poll();
    }

    private void poll() {
        polling.repeat(visible && live.get());
    }

    static String path(Listing listing, String route) {
        String base = listing == Listing.RECENT ? ApiPaths.ADMIN + "/traces?limit=" + RECENT_LIMIT
                : ApiPaths.ADMIN + "/traces/slowest?limit=" + SLOWEST_LIMIT;
        return route == null || route.equals(ALL_ROUTES) ? base
                : base + "&route=" + URLEncoder.encode(route, StandardCharsets.UTF_8).replace("+", "%20");
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
        failed.set(false);
        message.set(loaded.isEmpty() ? "No traces kept" + (route.get().equals(ALL_ROUTES) ? "" : " for " + route.get())
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

    private void problem(AdminProblem problem) {
        failed.set(true);
        message.set(problem.getMessage());
    }

    public ObjectProperty<Listing> listingProperty() {
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
