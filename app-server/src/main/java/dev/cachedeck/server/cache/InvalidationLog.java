package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.InvalidationLogEntry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The most recent invalidations, from writes and by hand, newest first; older ones drop off at capacity. */
public final class InvalidationLog {
    private final int capacity;
    private final Clock clock;
    private final Supplier<String> instance;
    // Guarded by itself: one short append or copy per invalidation, far rarer than cache reads.
    private final Deque<InvalidationLogEntry> entries = new ArrayDeque<>();

    /** {@code instance} names the instance whose writes this log records. */
    public InvalidationLog(int capacity, Clock clock, Supplier<String> instance) {
        if (capacity < 1) {
            throw new IllegalArgumentException("invalidation log capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
        this.instance = instance;
    }

    public void record(String cause, String route, Invalidator.Result result) {
        InvalidationLogEntry entry = entry(cause, route, result);
        synchronized (entries) {
            entries.addFirst(entry);
            if (entries.size() > capacity) {
                entries.removeLast();
            }
        }
    }

    /** How one invalidation appears in the log. */
    public InvalidationLogEntry entry(String cause, String route, Invalidator.Result result) {
        Map<Tier, Long> removed = new EnumMap<>(Tier.class);
        result.removed().forEach((tier, count) -> removed.put(tier, count.longValue()));
        List<String> tags = result.tags().stream().sorted().toList();
        return new InvalidationLogEntry(clock.instant(), instance.get(), cause, route, tags, removed, result.micros(),
                result.applied());
    }

    /** Up to {@code limit} entries, newest first. */
    public List<InvalidationLogEntry> recent(int limit) {
        List<InvalidationLogEntry> copy = new ArrayList<>(Math.min(limit, capacity));
        synchronized (entries) {
            Iterator<InvalidationLogEntry> newestFirst = entries.iterator();
            while (newestFirst.hasNext() && copy.size() < limit) {
                copy.add(newestFirst.next());
            }
        }
        return copy;
    }

    public int capacity() {
        return capacity;
    }
}
