package dev.cachedeck.server.store;

import dev.cachedeck.server.request.RequestScope;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts SQL statements for the whole process and hands each one to the request running on the current
 * thread. Work that leaves the thread (a future single-flight loader) is charged to the thread that ran
 * the statement, which is the thread that really hit the database.
 */
public final class StatementTally {
    private final LongAdder totalStatements = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final RequestScope scope;

    public StatementTally(RequestScope scope) {
        this.scope = scope;
    }

    /** {@code sql} is the statement's text as prepared (parameters are {@code ?}), null when unknown. */
    void record(String sql, long nanos) {
        scope.statement(sql, nanos);
        totalStatements.increment();
        totalNanos.add(nanos);
    }

    public long totalStatements() {
        return totalStatements.sum();
    }

    public long totalNanos() {
        return totalNanos.sum();
    }
}
