package dev.cachedeck.server.trace;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.TraceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the request on the current thread is doing, for the stats and the trace waterfall: which
 * route it is, how the response tier answered it and, while instrumentation is on, a span per tier
 * lookup, SQL statement and response body.
 *
 * <p>Helidon runs each request on its own virtual thread, so a thread-local is one request. Hooks
 * called on a thread with no open request (the stats ticker, a test driving the cache directly) do
 * nothing.
 */
public final class TraceScope {
    private final ThreadLocal<Recording> current = new ThreadLocal<>();
    private final BooleanSupplier instrumented;

    public TraceScope(BooleanSupplier instrumented) {
        this.instrumented = instrumented;
    }

    /** What one request did; written and read by the request's own thread only. */
    public static final class Recording {
        private final long startNanos;
        private final String path;
        private final List<TraceSpan> spans;
        private String route;
        private boolean responseHit;

        private Recording(long startNanos, String path, boolean withSpans) {
            this.startNanos = startNanos;
            this.path = path;
            this.spans = withSpans ? new ArrayList<>() : null;
        }

        /** The request path as it arrived (Helidon shows routes a path relative to their service). */
        public String path() {
            return path;
        }

        /** The cached route's name, or null when the request was not on one of the cached routes. */
        public String route() {
            return route;
        }

        /** Whether the response came whole from a cached response (near tier or response tier). */
        public boolean responseHit() {
            return responseHit;
        }

        public boolean traced() {
            return spans != null;
        }

        /** The spans in the order they ended; empty when instrumentation was off. */
        public List<TraceSpan> spans() {
            return spans == null ? List.of() : List.copyOf(spans);
        }

        private void add(TraceSpan.Kind kind, String name, String key, String outcome, long spanStart, long nanos) {
            if (spans != null) {
                spans.add(new TraceSpan(kind, name, key, outcome, (spanStart - startNanos) / 1_000, nanos / 1_000));
            }
        }
    }

    /** Opens the request's recording; spans are kept only while instrumentation is on. */
    public Recording begin(long startNanos, String path) {
        Recording recording = new Recording(startNanos, path, instrumented.getAsBoolean());
        current.set(recording);
        return recording;
    }

    public void end() {
        current.remove();
    }

    /** The request is on the cached route {@code name}. */
    public void route(String name) {
        Recording recording = current.get();
        if (recording != null) {
            recording.route = name;
        }
    }

    /** A tier lookup of {@code key} that began at {@code startNanos} and just ended with {@code outcome}. */
    public void tierLookup(Tier tier, String key, String outcome, long startNanos) {
        Recording recording = current.get();
        if (recording == null) {
            return;
        }
        if ((tier == Tier.NEAR || tier == Tier.RESPONSE) && outcome.equals("HIT")) {
            recording.responseHit = true;
        }
        recording.add(TraceSpan.Kind.TIER, tier.name(), key, outcome, startNanos, System.nanoTime() - startNanos);
    }

    /** A SQL statement that just ran for {@code nanos}; literals in its text are elided before it is kept. */
    public void statement(String sql, long nanos) {
        Recording recording = current.get();
        if (recording != null && recording.traced()) {
            long end = System.nanoTime();
            recording.add(TraceSpan.Kind.SQL, SqlText.elideLiterals(sql), null, null, end - nanos, nanos);
        }
    }

    /**
     * The response body ({@code what}) of {@code recording} was produced and written from {@code startNanos} to now.
     * Takes the recording itself: Helidon may report the end of a send after the request's scope has closed.
     */
    public void serialization(String what, Recording recording, long startNanos) {
        if (startNanos != 0) {
            recording.add(TraceSpan.Kind.SERIALIZATION, what, null, null, startNanos, System.nanoTime() - startNanos);
        }
    }
}
