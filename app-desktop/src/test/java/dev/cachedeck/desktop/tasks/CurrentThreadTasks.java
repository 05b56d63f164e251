package dev.cachedeck.desktop.tasks;

import dev.cachedeck.desktop.client.AdminProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link Tasks} for view-model tests: every call runs on the caller's thread before {@code run} returns, and
 * repeated tasks run only when the test says a period has passed ({@link #elapse()}), so no test sleeps.
 */
public final class CurrentThreadTasks implements Tasks {
    private final List<Repeated> repeated = new ArrayList<>();
    private boolean closed;

    private static final class Repeated implements Repetition {
        final Duration every;
        final Runnable task;
        boolean cancelled;

        Repeated(Duration every, Runnable task) {
            this.every = every;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<AdminProblem> onProblem) {
        T result;
        try {
            result = call.get();
        } catch (AdminProblem problem) {
            onProblem.accept(problem);
            return;
        } catch (RuntimeException e) {
            onProblem.accept(new AdminProblem(0, "Unexpected failure: " + e));
            return;
        }
        onResult.accept(result);
    }

    @Override
    public Repetition repeat(Duration every, Runnable task) {
        Repeated added = new Repeated(every, task);
        repeated.add(added);
        return added;
    }

    @Override
    public void onUi(Runnable work) {
        work.run();
    }

    /** Runs every repeated task that is still on once, as if each one's period had passed. */
    public void elapse() {
        for (Repeated task : List.copyOf(repeated)) {
            if (!task.cancelled && !closed) {
                task.task.run();
            }
        }
        repeated.removeIf(task -> task.cancelled);
    }

    /** The periods of the repeated tasks that are on. */
    public List<Duration> repeating() {
        return repeated.stream().filter(task -> !task.cancelled).map(task -> task.every).toList();
    }

    @Override
    public void close() {
        closed = true;
    }
}
