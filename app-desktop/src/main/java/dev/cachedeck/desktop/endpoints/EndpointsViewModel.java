package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.desktop.admin.Repeater;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.monitor.StatsSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Per-route figures from {@code GET /admin/stats}, re-read every {@link #PERIOD} while the tab is on screen
 * (the app calls {@link #active(boolean)} when tabs change), never while it is hidden.
 */
public final class EndpointsViewModel {
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final AdminClient admin;
    private final AdminTasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    /** One read at a time: a slow answer must not pile up a queue of reads behind it. */
    private final AtomicBoolean reading = new AtomicBoolean(false);
    private final Repeater polling;

    public EndpointsViewModel(AdminClient admin, AdminTasks tasks, ScheduledExecutorService scheduler, Clock clock,
                              ZoneId zone) {
        this.admin = admin;
        this.tasks = tasks;
        this.polling = new Repeater(scheduler, PERIOD, this::refresh);
        this.clock = clock;
        this.zone = zone;
    }

    /** Starts or stops the periodic read; called on the FX thread. */
    public void active(boolean visible) {
        polling.repeat(visible);
    }

    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        // since = now: the snapshot without its 15-minute series, which this table does not use.
        String path = ApiPaths.ADMIN + "/stats?since=" + clock.instant().getEpochSecond();
        tasks.run(() -> admin.get(path, StatsSnapshot.class), snapshot -> {
            reading.set(false);
            show(snapshot);
        }, problem -> {
            reading.set(false);
            problem(problem);
        });
    }

    private void show(StatsSnapshot snapshot) {
        rows.setAll(EndpointRow.of(snapshot));
        summary.set(summary(snapshot, zone));
        failed.set(false);
        message.set("");
    }

    static String summary(StatsSnapshot snapshot, ZoneId zone) {
        String text = String.format(Locale.ROOT, "%,d requests, %,d errors since %s · updated %s · every %d s",
                snapshot.requests(), snapshot.errors(), TIME.format(snapshot.since().atZone(zone)),
                TIME.format(snapshot.takenAt().atZone(zone)), PERIOD.toSeconds());
        return snapshot.instrumented() ? text
                : text + " · latency is not recorded: instrumentation is off";
    }

    private void problem(AdminProblem problem) {
        failed.set(true);
        message.set(problem.getMessage());
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
