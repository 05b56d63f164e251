package dev.cachedeck.desktop.endpoints;

import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.fleet.Snapshots;
import dev.cachedeck.desktop.client.AdminProblem;
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
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Per-route figures from {@code GET /admin/stats}, re-read every {@link #PERIOD} while the tab is on screen
 * ({@link #shown(boolean)}), never while it is hidden. With several instances, each is asked and the table shows
 * their totals per route, or ({@link #splitByInstanceProperty()}) one row per instance and route.
 */
public final class EndpointsViewModel implements View {
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Fleet fleet;
    private final Tasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<EndpointRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty splitByInstance = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper fleetShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper percentileHeading = new ReadOnlyStringWrapper("");
    /** The last answer, shown again when the split is switched. */
    private Snapshots last;
    private final StatusLine status = new StatusLine();
    private final Repeater polling;
    /** One read at a time: a slow answer must not pile up a queue of reads behind it. */
    private boolean reading;

    public EndpointsViewModel(Fleet fleet, Tasks tasks, Clock clock, ZoneId zone) {
        this.fleet = fleet;
        this.tasks = tasks;
        this.polling = new Repeater(tasks, PERIOD, this::refresh);
        this.clock = clock;
        this.zone = zone;
        splitByInstance.addListener((property, old, split) -> {
            if (last != null) {
                show(last);
            }
        });
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
        tasks.run(() -> fleet.snapshots(now), snapshots -> {
            reading = false;
            last = snapshots;
            show(snapshots);
        }, problem -> {
            reading = false;
            status.problem(problem);
        });
    }

    private void show(Snapshots snapshots) {
        List<StatsSnapshot> answered = snapshots.answered().stream().map(Snapshots.Answer::snapshot).toList();
        boolean several = snapshots.members() > 1;
        fleetShown.set(several);
        percentileHeading.set(several && !splitByInstance.get() ? " (max)" : "");
        if (!several) {
            rows.setAll(EndpointRow.of(snapshots.answered().getFirst().instance(), answered.getFirst()));
            summary.set(summary(answered.getFirst(), zone));
        } else {
            rows.setAll(splitByInstance.get() ? snapshots.answered().stream()
                    .flatMap(answer -> EndpointRow.of(answer.instance(), answer.snapshot()).stream()).toList()
                    : RouteTotals.of(answered));
            summary.set(fleetSummary(snapshots, answered));
        }
        if (snapshots.unreachable().isEmpty()) {
            status.done("");
        } else {
            status.problem(new AdminProblem(0, "Not answering, so not in the table: "
                    + String.join("; ", snapshots.unreachable())));
        }
    }

    static String summary(StatsSnapshot snapshot, ZoneId zone) {
        String text = String.format(Locale.ROOT, "%,d requests, %,d errors since %s · updated %s · every %d s",
                snapshot.requests(), snapshot.errors(), TIME.format(snapshot.since().atZone(zone)),
                TIME.format(snapshot.takenAt().atZone(zone)), PERIOD.toSeconds());
        return snapshot.instrumented() ? text
                : text + " · latency is not recorded: instrumentation is off";
    }

    private String fleetSummary(Snapshots snapshots, List<StatsSnapshot> answered) {
        long requests = answered.stream().mapToLong(StatsSnapshot::requests).sum();
        long errors = answered.stream().mapToLong(StatsSnapshot::errors).sum();
        Instant updated = answered.stream().map(StatsSnapshot::takenAt).max(Instant::compareTo).orElse(clock.instant());
        return String.format(Locale.ROOT, "%d of %d instances: %,d requests, %,d errors · updated %s · every %d s",
                answered.size(), snapshots.members(), requests, errors, TIME.format(updated.atZone(zone)),
                PERIOD.toSeconds());
    }

    public ObservableList<EndpointRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Several instances: one row per instance and route instead of their totals. */
    public BooleanProperty splitByInstanceProperty() {
        return splitByInstance;
    }

    /** Whether the last answer came from several instances, so splitting means something. */
    public ReadOnlyBooleanProperty fleetShownProperty() {
        return fleetShown.getReadOnlyProperty();
    }

    /** Appended to the percentile columns' names: totals of several instances show the slowest one's. */
    public ReadOnlyStringProperty percentileHeadingProperty() {
        return percentileHeading.getReadOnlyProperty();
    }

    public StatusLine status() {
        return status;
    }
}
