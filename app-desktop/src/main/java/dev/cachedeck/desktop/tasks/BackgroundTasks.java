package dev.cachedeck.desktop.tasks;

import dev.cachedeck.desktop.client.AdminProblem;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link Tasks} for the running app: each call on its own virtual thread (calls block on HTTP), one scheduler
 * thread for every repeated task, results and repeated work handed to {@code ui} (the FX thread).
 */
public final class BackgroundTasks implements Tasks {
    private final Executor ui;
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("admin-call-", 0).factory());
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("desktop-scheduler").factory());

    public BackgroundTasks(Executor ui) {
        this.ui = ui;
    }

    @Override
    public <T> void run(Supplier<T> call, Consumer<T> onResult, Consumer<AdminProblem> onProblem) {
        try {
            calls.execute(() -> {
                T result;
                try {
                    result = call.get();
                } catch (AdminProblem problem) {
                    ui.execute(() -> onProblem.accept(problem));
                    return;
                } catch (RuntimeException e) {
                    AdminProblem problem = new AdminProblem(0, "Unexpected failure: " + e);
                    ui.execute(() -> onProblem.accept(problem));
                    return;
                }
                ui.execute(() -> onResult.accept(result));
            });
        } catch (RejectedExecutionException closed) {
            // The window is closing: a click in its last moment has nobody left to answer to.
        }
    }

    @Override
    public Repetition repeat(Duration every, Runnable task) {
        try {
            ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> ui.execute(task), every.toMillis(),
                    every.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> {
            };
        }
    }

    @Override
    public void onUi(Runnable work) {
        ui.execute(work);
    }

    /** Stops the scheduler and abandons calls in flight; their answers are never handed over. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        calls.shutdownNow();
    }
}
