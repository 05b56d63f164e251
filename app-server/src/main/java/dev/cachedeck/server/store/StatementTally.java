package dev.cachedeck.server.store;

import dev.cachedeck.server.trace.TraceScope;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts SQL statements for the request running on the current thread and for the whole process.
 *
 * <p>Helidon runs each request on its own virtual thread, so a thread-local scope is exactly one
 * request. Work that leaves the thread (a future single-flight loader) is charged to the thread
 * that ran the statement, which is the thread that really hit the database.
 */
public final class StatementTally {
    private final ThreadLocal<RequestTally> current = new ThreadLocal<>();
    private final LongAdder totalStatements = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final TraceScope traces;

    public StatementTally(TraceScope traces) {
        this.traces = traces;
    }

    /** Starts counting for the calling thread; the returned tally is read when the response goes out. */
    public RequestTally begin() {
        RequestTally tally = new RequestTally();
        current.set(tally);
        return tally;
    }

    public void end() {
        current.remove();
    }

    /** {@code sql} is the statement's text as prepared (parameters are {@code ?}), null when unknown. */
    void record(String sql, long nanos) {
        traces.statement(sql, nanos);
        totalStatements.increment();
        totalNanos.add(nanos);
        RequestTally tally = current.get();
        if (tally != null) {
            tally.add(nanos);
        }
    }

    public long totalStatements() {
        return totalStatements.sum();
    }

    public long totalNanos() {
        return totalNanos.sum();
    }

    /** Statements run by one request. Written and read by the request's own thread only. */
    public static final class RequestTally {
        private int statements;
        private long nanos;

        private void add(long statementNanos) {
            statements++;
            nanos += statementNanos;
        }

        public int statements() {
            return statements;
        }

        public long nanos() {
            return nanos;
        }
    }
}
