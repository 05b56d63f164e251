package dev.cachedeck.desktop.dashboard;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.shell.FormNumbers;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.LiveTrafficStatus;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dashboard's "Live traffic" control: steady traffic from the server's own generator (rate, write share,
 * skew, simulated DB delay) started and stopped through {@code /admin/traffic}, so the charts have something to
 * show while tiers are toggled and keys purged. Starting while it runs applies the new settings.
 */
public final class LiveTrafficViewModel implements View {
    private final AdminApi admin;
    private final Tasks tasks;
    private final StringProperty ratePerSecond = new SimpleStringProperty();
    private final StringProperty writePercent = new SimpleStringProperty();
    private final StringProperty zipfSkew = new SimpleStringProperty();
    private final StringProperty dbDelayMillis = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final StatusLine status = new StatusLine();

    public LiveTrafficViewModel(AdminApi admin, Tasks tasks) {
        this.admin = admin;
        this.tasks = tasks;
        LiveTrafficSpec defaults = LiveTrafficSpec.defaults();
        ratePerSecond.set(String.valueOf(defaults.ratePerSecond()));
        writePercent.set(String.valueOf(defaults.writePercent()));
        zipfSkew.set(FormNumbers.text(defaults.zipfSkew()));
        dbDelayMillis.set(FormNumbers.text(defaults.dbDelayMillis()));
    }

    @Override
    public void refresh() {
        tasks.run(admin::liveTraffic, this::show, status::problem);
    }

    public void start() {
        LiveTrafficSpec spec;
        try {
            spec = new LiveTrafficSpec((int) FormNumbers.parse("Rate", ratePerSecond.get(), 1, 100_000),
                    (int) FormNumbers.parse("Writes", writePercent.get(), 0, 100),
                    FormNumbers.parse("Zipf skew", zipfSkew.get(), 0, 5),
                    FormNumbers.parse("DB delay", dbDelayMillis.get(), 0, 1000));
        } catch (IllegalArgumentException e) {
            status.fail(e.getMessage());
            return;
        }
        tasks.run(() -> admin.startLiveTraffic(spec), this::show, status::problem);
    }

    public void stop() {
        tasks.run(admin::stopLiveTraffic, this::show, status::problem);
    }

    private void show(LiveTrafficStatus answer) {
        running.set(answer.running());
        status.done("");
        if (answer.running()) {
            LiveTrafficSpec spec = answer.spec();
            state.set(String.format(Locale.ROOT, "Sending %d requests/s, %d%% writes, Zipf %s, simulated DB delay "
                    + "%s ms per statement", spec.ratePerSecond(), spec.writePercent(),
                    FormNumbers.text(spec.zipfSkew()), FormNumbers.text(spec.dbDelayMillis())));
        } else {
            state.set("No live traffic.");
        }
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

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public StatusLine status() {
        return status;
    }
}
