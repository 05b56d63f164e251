package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.monitor.StatsSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Per-route figures from {@code GET /admin/stats}, re-read every {@link #PERIOD} while the tab is on screen
 * ({@link #shown(boolean)}), never while it is hidden.
 */
public final class EndpointsViewModel implements View {
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final AdminApi admin;
    private final Tasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final StatusLine status = new StatusLine();
    private final Repeater polling;
    /** One read at a time: a slow answer must not pile up a queue of reads behind it. */
    private boolean reading;

    public EndpointsViewModel(AdminApi admin, Tasks tasks, Clock clock, ZoneId zone) {
        this.admin = admin;
        this.tasks = tasks;
        this.polling = new Repeater(tasks, PERIOD, this::refresh);
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void shown(boolean onScreen) {
        polling.repeat(onScreen);
    }

    @Override
    public void refresh() {
        if (reading) {
            return;
        }
        reading = true;
        // since = now: the snapshot without its 15-minute series, which this table does not use.
        Instant now = clock.instant();
        tasks.run(() -> admin.stats(now), snapshot -> {
            reading = false;
            show(snapshot);
        }, problem -> {
            reading = false;
            status.problem(problem);
        });
    }

    private void show(StatsSnapshot snapshot) {
        rows.setAll(EndpointRow.of(snapshot));
        summary.set(summary(snapshot, zone));
        status.done("");
    }

    static String summary(StatsSnapshot snapshot, ZoneId zone) {
        String text = String.format(Locale.ROOT, "%,d requests, %,d errors since %s · updated %s · every %d s",
                snapshot.requests(), snapshot.errors(), TIME.format(snapshot.since().atZone(zone)),
                TIME.format(snapshot.takenAt().atZone(zone)), PERIOD.toSeconds());
        return snapshot.instrumented() ? text
                : text + " · latency is not recorded: instrumentation is off";
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public StatusLine status() {
        return status;
    }
}
