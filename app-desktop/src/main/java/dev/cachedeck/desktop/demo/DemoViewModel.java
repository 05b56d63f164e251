package dev.cachedeck.desktop.demo;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.shell.FormNumbers;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.ScenarioSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The before/after demo: a scenario form, starting and stopping it on the server ({@code /admin/bench}),
 * its progress while it runs (polled twice a second) and the results once phases finish.
 */
public final class DemoViewModel implements View {
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final AdminApi admin;
    private final Tasks tasks;
    private final StringProperty phaseSeconds = new SimpleStringProperty();
    private final StringProperty ratePerSecond = new SimpleStringProperty();
    private final StringProperty writePercent = new SimpleStringProperty();
    private final StringProperty zipfSkew = new SimpleStringProperty();
    private final StringProperty dbDelayMillis = new SimpleStringProperty();
    private final ObjectProperty<DbDelayPreset> dbDelayPreset = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final StatusLine status = new StatusLine();
    private final ReadOnlyObjectWrapper<DemoResults> results = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BenchReport> report = new ReadOnlyObjectWrapper<>();
    private final Repeater polling;
    private ScenarioSpec shownSpec;

    public DemoViewModel(AdminApi admin, Tasks tasks) {
        this.admin = admin;
        this.tasks = tasks;
        this.polling = new Repeater(tasks, POLL_EVERY, this::refresh);
        // A preset fills the delay in; a delay typed by hand selects the preset it matches, or none.
        dbDelayPreset.addListener((property, old, preset) -> {
            if (preset != null) {
                dbDelayMillis.set(FormNumbers.text(preset.millis()));
            }
        });
        dbDelayMillis.addListener((property, old, text) -> dbDelayPreset.set(presetFor(text)));
        fill(ScenarioSpec.defaults());
    }

    private void fill(ScenarioSpec spec) {
        phaseSeconds.set(FormNumbers.text(spec.phaseSeconds()));
        ratePerSecond.set(spec.calibrated() ? "" : String.valueOf(spec.ratePerSecond()));
        writePercent.set(String.valueOf(spec.writePercent()));
        zipfSkew.set(FormNumbers.text(spec.zipfSkew()));
        dbDelayMillis.set(FormNumbers.text(spec.dbDelayMillis()));
    }

    private static DbDelayPreset presetFor(String text) {
        try {
            return DbDelayPreset.matching(Double.parseDouble(text.trim())).orElse(null);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    /** Reads the server's scenario state (one may be running from the command line). */
    @Override
    public void refresh() {
        tasks.run(admin::benchStatus, this::show, this::problem);
    }

    public void run() {
        ScenarioSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            status.fail(e.getMessage());
            return;
        }
        status.done("Starting…");
        tasks.run(() -> admin.startBench(spec), this::show, this::problem);
    }

    public void stop() {
        tasks.run(admin::stopBench, this::show, this::problem);
    }

    /** The form as a scenario; the server checks the ranges again and its message is shown if it refuses. */
    ScenarioSpec spec() {
        ScenarioSpec defaults = ScenarioSpec.defaults();
        double seconds = FormNumbers.parse("Phase length", phaseSeconds.get(), 1, 3600);
        return new ScenarioSpec(defaults.phases(), seconds, Math.min(defaults.warmupSeconds(), seconds / 2),
                rate(), defaults.concurrency(),
                (int) FormNumbers.parse("Writes", writePercent.get(), 0, 100),
                FormNumbers.parse("Zipf skew", zipfSkew.get(), 0, 5),
                FormNumbers.parse("DB delay", dbDelayMillis.get(), 0, 1000), defaults.seed(),
                Math.min(defaults.capacitySeconds(), seconds));
    }

    /** An empty rate asks the server to calibrate: probe the cache-off capacity, then offer about half of it. */
    private int rate() {
        String text = ratePerSecond.get();
        return text == null || text.isBlank()
                ? ScenarioSpec.CALIBRATE
                : (int) FormNumbers.parse("Rate", text, 1, 100_000);
    }

    private void show(BenchStatus answer) {
        available.set(true);
        // A scenario started elsewhere (the bench command, another window): the form shows what the results are of.
        // Only when a new one appears, so edits for the next run survive refreshes.
        if (answer.spec() != null && !answer.spec().equals(shownSpec)) {
            shownSpec = answer.spec();
            fill(answer.spec());
        }
        boolean active = answer.state() == BenchState.RUNNING || answer.state() == BenchState.STOPPING;
        running.set(active);
        progress.set(answer.state() == BenchState.DONE ? 1 : answer.progress());
        state.set(describe(answer));
        if (answer.error() == null) {
            status.done("");
        } else {
            status.fail(answer.error());
        }
        results.set(answer.phases().isEmpty() ? null : DemoResults.of(answer.phases(),
                answer.report() == null ? List.of() : answer.report().ratios()));
        report.set(answer.report());
        polling.repeat(active);
    }

    private static String describe(BenchStatus status) {
        return switch (status.state()) {
            case IDLE -> "No scenario has run on this server yet.";
            case RUNNING -> String.format(Locale.ROOT, "Running %s%s — %.0f s elapsed", step(status),
                    status.warmingUp() ? " (warming up)" : "", status.elapsedSeconds());
            case STOPPING -> "Stopping…";
            case DONE -> String.format(Locale.ROOT, "Finished in %.0f s.", status.elapsedSeconds())
                    + calibration(status.report());
            case STOPPED -> "Stopped by request.";
            case FAILED -> "The scenario failed.";
        };
    }

    private static String step(BenchStatus status) {
        if ("ceiling".equals(status.step())) {
            return "the ceiling (GET /api/ping)";
        }
        if ("calibration".equals(status.step())) {
            return "the calibration (cache-off capacity)";
        }
        return status.phase() == null ? "" : DemoResults.label(status.phase());
    }

    private static String calibration(BenchReport report) {
        if (report == null || report.calibration() == null) {
            return "";
        }
        return String.format(Locale.ROOT, " Rate %d requests/s, chosen by calibration: about half of the %.0f/s "
                + "cache off reached.", report.calibration().chosenRate(), report.calibration().offCapacity());
    }

    private void problem(AdminProblem problem) {
        if (problem.unavailable()) {
            available.set(false);
            polling.repeat(false);
        }
        status.problem(problem);
    }

    public StringProperty phaseSecondsProperty() {
        return phaseSeconds;
    }

    public StringProperty ratePerSecondProperty() {
        return ratePerSecond;
    }

    public StringProperty writePercentProperty() {
        return writePercent;
    }

    public StringProperty zipfSkewProperty() {
        return zipfSkew;
    }

    public StringProperty dbDelayMillisProperty() {
        return dbDelayMillis;
    }

    /** The named delay the form's delay matches; null for a custom one. */
    public ObjectProperty<DbDelayPreset> dbDelayPresetProperty() {
        return dbDelayPreset;
    }

    /** False when the server has no scenario runner. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0–1 over the whole scenario. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the last action did or why it failed; the controller adds what happened outside the server (an export). */
    public StatusLine status() {
        return status;
    }

    /** Null before any phase has figures. */
    public ReadOnlyObjectProperty<DemoResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The finished report, for export; null until there is one. */
    public ReadOnlyObjectProperty<BenchReport> reportProperty() {
        return report.getReadOnlyProperty();
    }
}
