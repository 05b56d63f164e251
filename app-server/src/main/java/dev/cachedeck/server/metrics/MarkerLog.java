package dev.cachedeck.server.metrics;

import dev.cachedeck.model.monitor.TimelineMarker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Things that happened (a tier switched off, a purge, a reset, a benchmark phase) waiting to be attached to the
 * one-second tick they happened in.
 */
public final class MarkerLog {
    public static final String TOGGLE = "toggle";
    public static final String PURGE = "purge";
    public static final String INVALIDATE = "invalidate";
    public static final String RESET = "reset";
    public static final String PHASE = "phase";
    public static final String OUTAGE = "outage";

    private final Clock clock;
    private final Queue<TimelineMarker> pending = new ConcurrentLinkedQueue<>();

    public MarkerLog(Clock clock) {
        this.clock = clock;
    }

    /** {@code kind} is one of the constants above; {@code label} is short human text. */
    public void record(String kind, String label) {
        pending.add(new TimelineMarker(clock.instant(), kind, label));
    }

    /** Removes and returns the markers recorded before {@code endEpochMilli}, oldest first. */
    List<TimelineMarker> drainBefore(long endEpochMilli) {
        List<TimelineMarker> drained = new ArrayList<>();
        for (TimelineMarker marker = pending.peek(); marker != null && marker.at().toEpochMilli() < endEpochMilli;
                marker = pending.peek()) {
            drained.add(pending.poll());
        }
        return drained;
    }
}
