package dev.cachedeck.desktop.keys;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.keys.PurgeProgress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How far the server's purge has got, polled from {@code GET /admin/purge/progress} while one runs: this
 * window's purge, or one started elsewhere (another window, a script) that a refresh finds running. The server
 * removes keys at a bounded rate, so a large purge takes minutes and the user should see it move.
 */
public final class PurgeProgressModel {
    static final Duration POLL_EVERY = Duration.ofMillis(500);
    /** What a progress bar shows when it cannot say how far along the work is. */
    static final double UNKNOWN = -1;

    private final AdminApi admin;
    private final Tasks tasks;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(UNKNOWN);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final Repeater polling;
    /** Told when a purge this window did not start is seen to end; null while this window's own purge runs. */
    private Consumer<PurgeProgress> onForeignEnd;

    PurgeProgressModel(AdminApi admin, Tasks tasks) {
        this.admin = admin;
        this.tasks = tasks;
        this.polling = new Repeater(tasks, POLL_EVERY, () -> tasks.run(admin::purgeProgress, this::update, problem -> {
            // A missed poll is followed by the next one; the purge call itself reports a failure.
        }));
    }

    /** This window's purge call has been sent; its answer ends the watch through {@link #ownPurgeEnded()}. */
    void ownPurgeStarted() {
        onForeignEnd = null;
        show(new PurgeProgress(true, 0, 0, null));
        polling.repeat(true);
    }

    void ownPurgeEnded() {
        stop();
    }

    /** Asks the server once; if a purge is running, watches it and calls {@code onEnd} with its last figures. */
    void watchRunning(Consumer<PurgeProgress> onEnd) {
        if (active.get()) {
            return;
        }
        tasks.run(admin::purgeProgress, progress -> {
            if (progress.running() && !active.get()) {
                onForeignEnd = onEnd;
                show(progress);
                polling.repeat(true);
            }
        }, problem -> {
            // The tab's own reads report an unreachable server; this optional check stays quiet.
        });
    }

    private void update(PurgeProgress progress) {
        if (!active.get()) {
            return;
        }
        if (progress.running()) {
            show(progress);
        } else if (onForeignEnd != null) {
            Consumer<PurgeProgress> onEnd = onForeignEnd;
            stop();
            onEnd.accept(progress);
        }
        // Not running while this window's call is still open: the call's answer is about to end the watch.
    }

    private void show(PurgeProgress progress) {
        active.set(true);
        fraction.set(fractionOf(progress));
        text.set(describe(progress));
    }

    private void stop() {
        polling.repeat(false);
        onForeignEnd = null;
        active.set(false);
        fraction.set(UNKNOWN);
        text.set("");
    }

    static double fractionOf(PurgeProgress progress) {
        return progress.planned() == 0 ? UNKNOWN : Math.min(1.0, (double) progress.removed() / progress.planned());
    }

    static String describe(PurgeProgress progress) {
        if (progress.planned() == 0) {
            return "Purging: selecting keys…";
        }
        return String.format(Locale.ROOT, "Purging: %,d of %,d keys removed (%.0f%%)…", progress.removed(),
                progress.planned(), 100 * fractionOf(progress));
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Removed / planned, or {@link #UNKNOWN} while the server is still selecting the keys. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
