package dev.cachedeck.desktop.tasks;

import dev.cachedeck.desktop.client.AdminProblem;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All background work of the desktop: blocking calls off the UI thread with their outcome handed back to it, and
 * work repeated at a fixed delay. View-models run on the UI thread and see only this interface, so a test can
 * drive them on its own thread (JabRef's {@code TaskExecutor} / {@code CurrentThreadTaskExecutor} split).
 * Closed once, on exit: nothing scheduled runs after that.
 */
public interface Tasks extends AutoCloseable {
    /**
     * Runs {@code call} in the background, then {@code onResult} or {@code onProblem} on the UI thread. Any other
     * exception from the call reaches {@code onProblem} as an {@link AdminProblem} saying so.
     */
    <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<AdminProblem> onProblem);

    /** Runs {@code task} on the UI thread every {@code every}, the first time one period from now, until cancelled. */
    Repetition repeat(Duration every, Runnable task);

    /** Runs {@code work} on the UI thread: for events that arrive on a background thread. */
    void onUi(Runnable work);

    @Override
    void close();

    /** A repeated task; cancelling it twice is harmless. */
    interface Repetition {
        void cancel();
    }
}
