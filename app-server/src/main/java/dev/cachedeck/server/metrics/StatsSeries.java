package dev.cachedeck.server.metrics;

import dev.cachedeck.model.monitor.StatsTick;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The last ticks, oldest first, and a way for stream clients to wait for the next one. */
public final class StatsSeries {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<StatsTick> ticks = new ArrayDeque<>();
    private boolean closed;

    public StatsSeries(int capacity) {
        this.capacity = capacity;
    }

    void append(StatsTick tick) {
        lock.lock();
        try {
            if (ticks.size() == capacity) {
                ticks.removeFirst();
            }
            ticks.addLast(tick);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Every kept tick whose second is after {@code second}, oldest first. */
    public List<StatsTick> after(long second) {
        lock.lock();
        try {
            return ticks.stream().filter(tick -> tick.second() > second).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The second of the newest tick, or {@code Long.MIN_VALUE} before the first. */
    public long latestSecond() {
        lock.lock();
        try {
            return ticks.isEmpty() ? Long.MIN_VALUE : ticks.getLast().second();
        } finally {
            lock.unlock();
        }
    }

    /** The ticks after {@code second}, waiting up to {@code patience} for one; empty on timeout or once closed. */
    public List<StatsTick> await(long second, Duration patience) throws InterruptedException {
        long remaining = patience.toNanos();
        lock.lock();
        try {
            while (!closed && (ticks.isEmpty() || ticks.getLast().second() <= second) && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return closed ? List.of() : ticks.stream().filter(tick -> tick.second() > second).toList();
        } finally {
            lock.unlock();
        }
    }

    public boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Ends every stream waiting on this series (the server is stopping). */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
