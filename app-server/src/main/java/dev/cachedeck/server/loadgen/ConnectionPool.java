package dev.cachedeck.server.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of kept-alive connections to one target. The pool's size is the most requests in flight: a
 * sender borrows a connection for one request (or a closed-loop worker for its whole run) and gives it back.
 * Connections open on their first request and stay open across phases.
 */
public final class ConnectionPool implements AutoCloseable {
    private final List<KeepAliveConnection> all = new ArrayList<>();
    private final BlockingQueue<KeepAliveConnection> idle;

    public ConnectionPool(LoadTarget target, int size, Duration timeout) {
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            KeepAliveConnection connection = new KeepAliveConnection(target, timeout);
            all.add(connection);
            idle.add(connection);
        }
    }

    public int size() {
        return all.size();
    }

    /** An idle connection, waiting at most {@code nanos} for one; null when none became free in time. */
    public KeepAliveConnection borrow(long nanos) throws InterruptedException {
        return idle.poll(nanos, TimeUnit.NANOSECONDS);
    }

    public void giveBack(KeepAliveConnection connection) {
        idle.add(connection);
    }

    @Override
    public void close() {
        all.forEach(KeepAliveConnection::close);
    }
}
