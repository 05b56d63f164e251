package dev.cachedeck.server.trace;

import dev.cachedeck.model.monitor.RequestTrace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;

/**
 * The most recent request traces: a ring of slots indexed by trace id, so adding one is a single volatile write
 * with no lock for concurrent requests to queue on; the newest trace overwrites the oldest.
 */
public final class TraceBuffer {
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReferenceArray<RequestTrace> slots;

    public TraceBuffer(int capacity) {
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    public int capacity() {
        return slots.length();
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Stores {@code trace}, whose id came from {@link #nextId}. */
    public void add(RequestTrace trace) {
        slots.set((int) (trace.id() % slots.length()), trace);
    }

    /** Up to {@code limit} traces of {@code route} (every route when null), newest first. */
    public List<RequestTrace> recent(String route, int limit) {
        return ofRoute(route).sorted(Comparator.comparingLong(RequestTrace::id).reversed()).limit(limit).toList();
    }

    /** Up to {@code limit} traces of {@code route} (every route when null), slowest first. */
    public List<RequestTrace> slowest(String route, int limit) {
        return ofRoute(route).sorted(Comparator.comparingLong(RequestTrace::totalMicros).reversed()).limit(limit)
                .toList();
    }

    private Stream<RequestTrace> ofRoute(String route) {
        List<RequestTrace> kept = new ArrayList<>(slots.length());
        for (int i = 0; i < slots.length(); i++) {
            RequestTrace trace = slots.get(i);
            if (trace != null && (route == null || trace.route().equals(route))) {
                kept.add(trace);
            }
        }
        return kept.stream();
    }
}
