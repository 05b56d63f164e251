package dev.cachedeck.server.trace;

import dev.cachedeck.model.monitor.RequestTrace;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The most recent request traces, oldest dropped first. */
public final class TraceBuffer {
    private final int capacity;
    private final AtomicLong ids = new AtomicLong();
    // Guarded by itself: one short append per traced request, readers copy out.
    private final Deque<RequestTrace> traces = new ArrayDeque<>();

    public TraceBuffer(int capacity) {
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public void add(RequestTrace trace) {
        synchronized (traces) {
            if (traces.size() == capacity) {
                traces.removeFirst();
            }
            traces.addLast(trace);
        }
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

    public void clear() {
        synchronized (traces) {
            traces.clear();
        }
    }

    private Stream<RequestTrace> ofRoute(String route) {
        List<RequestTrace> copy;
        synchronized (traces) {
            copy = List.copyOf(traces);
        }
        return copy.stream().filter(trace -> route == null || trace.route().equals(route));
    }
}
