package dev.cachedeck.desktop.admin;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task repeated with a fixed delay while switched on: how views poll the server only while they need to
 * (a tab on screen, a purge or scenario running). Switched from one thread, the FX thread in the app.
 */
public final class Repeater {
    private final ScheduledExecutorService scheduler;
    private final Duration every;
    private final Runnable task;
    private ScheduledFuture<?> running;

    public Repeater(ScheduledExecutorService scheduler, Duration every, Runnable task) {
        this.scheduler = scheduler;
        this.every = every;
        this.task = task;
    }

    /** Starts repeating (first run one period from now) or stops; asking for the current state changes nothing. */
    public void repeat(boolean on) {
        if (on && running == null) {
            running = scheduler.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        } else if (!on && running != null) {
            running.cancel(false);
            running = null;
        }
    }
}
