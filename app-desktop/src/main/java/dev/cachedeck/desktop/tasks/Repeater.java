package dev.cachedeck.desktop.tasks;

import java.time.Duration;

/**
 * A task repeated with a fixed delay while switched on: how views poll the server only while they need to
 * (a tab on screen, a purge or scenario running). Switched from the UI thread.
 */
public final class Repeater {
    private final Tasks tasks;
    private final Duration every;
    private final Runnable task;
    private Tasks.Repetition running;

    public Repeater(Tasks tasks, Duration every, Runnable task) {
        this.tasks = tasks;
        this.every = every;
        this.task = task;
    }

    /** Starts repeating (first run one period from now) or stops; asking for the current state changes nothing. */
    public void repeat(boolean on) {
        if (on && running == null) {
            running = tasks.repeat(every, task);
        } else if (!on && running != null) {
            running.cancel();
            running = null;
        }
    }
}
