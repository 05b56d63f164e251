package dev.cachedeck.server.metrics;

import dev.cachedeck.model.monitor.StatsSnapshot.StatementBucket;
import dev.cachedeck.model.monitor.StatsSnapshot.StatementStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** How many SQL statements each request ran: exact counts up to a bound, then one "or more" bucket. */
final class StatementCounts {
    private static final int EXACT_UP_TO = 32;

    private final LongAdder[] requestsByCount = new LongAdder[EXACT_UP_TO + 1];
    private final LongAdder requests = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    StatementCounts() {
        for (int i = 0; i < requestsByCount.length; i++) {
            requestsByCount[i] = new LongAdder();
        }
    }

    void record(int count) {
        requestsByCount[Math.min(count, EXACT_UP_TO)].increment();
        requests.increment();
        statements.add(count);
        max.accumulate(count);
    }

    long statements() {
        return statements.sum();
    }

    StatementStats snapshot() {
        List<StatementBucket> buckets = new ArrayList<>();
        for (int i = 0; i < requestsByCount.length; i++) {
            long count = requestsByCount[i].sum();
            if (count > 0) {
                buckets.add(new StatementBucket(i, i == EXACT_UP_TO, count));
            }
        }
        long requestCount = requests.sum();
        long statementCount = statements.sum();
        return new StatementStats(requestCount, statementCount,
                requestCount == 0 ? 0 : (double) statementCount / requestCount, max.get(), buckets);
    }

    void reset() {
        for (LongAdder adder : requestsByCount) {
            adder.reset();
        }
        requests.reset();
        statements.reset();
        max.reset();
    }
}
