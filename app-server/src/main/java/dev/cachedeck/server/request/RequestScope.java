package dev.cachedeck.server.request;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.TraceSpan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the request on the current thread is doing, in one place: its route, the SQL it ran, how each
 * tier answered it ({@code X-Cache}), the tags of every cached value it used (so a response built from
 * query results depends on everything they depend on) and, while instrumentation is on, its spans.
 *
 * <p>Helidon runs each request on its own virtual thread, so one thread-local is one request. It holds a
 * stack of frames: the request's root frame, and one child frame per value being loaded. Code on a
 * thread with no open request (the stats ticker, a test driving the cache directly) still gets frames,
 * so loaders collect dependencies, but nothing is recorded for a request.
 */
public final class RequestScope {
    /** Where work outside any API request is counted (admin calls, the ticker, a test driving the cache). */
    private static final String INTERNAL = "internal";
    /** Where an API request outside the six cached routes is counted. */
    private static final String UNCACHED_API = "write";

    private final ThreadLocal<Frame> current = new ThreadLocal<>();
    private final BooleanSupplier instrumented;

    /** {@code instrumented} is asked once per request whether its spans are kept. */
    public RequestScope(BooleanSupplier instrumented) {
        this.instrumented = instrumented;
    }

    /** How a tier served the request, for {@code X-Cache}: MISS beats HIT (some of it came from below). */
    public enum Served { HIT, BYPASS, MISS }

    /** One request; written and read by the request's own thread only (and by its send callbacks after that). */
    public static final class Request {
        private final long startNanos;
        private final String path;
        private final Spans spans;
        private final Map<Tier, Served> served = new EnumMap<>(Tier.class);
        private String cachedRoute;
        private int statements;
        private long statementNanos;

        private Request(long startNanos, String path, Spans spans) {
            this.startNanos = startNanos;
            this.path = path;
            this.spans = spans;
        }

        /** The request path as it arrived (Helidon shows routes a path relative to their service). */
        public String path() {
            return path;
        }

        /** The cached route's name, or null when the request is not on one of the cached routes. */
        public String cachedRoute() {
            return cachedRoute;
        }

        /** The request is on the cached route {@code name}. */
        public void onCachedRoute(String name) {
            cachedRoute = name;
        }

        /** The name the tier counters file this request's lookups under. */
        public String counterRoute() {
            if (cachedRoute != null) {
                return cachedRoute;
            }
            return path.startsWith(ApiPaths.API + "/") ? UNCACHED_API : INTERNAL;
        }

        public Map<Tier, Served> served() {
            return Map.copyOf(served);
        }

        /** Whether the response came whole from a cached response (this instance's near copy or the response tier). */
        public boolean responseHit() {
            return served.get(Tier.NEAR) == Served.HIT || served.get(Tier.RESPONSE) == Served.HIT;
        }

        /** Whether this request keeps latency figures and spans (instrumentation was on when it began). */
        public boolean instrumented() {
            return spans.kept();
        }

        public int statements() {
            return statements;
        }

        public long statementNanos() {
            return statementNanos;
        }

        /** The spans in the order they ended; empty when instrumentation was off. */
        public List<TraceSpan> spans() {
            return spans.list();
        }

        /** {@code tier} served the request this way; a later, worse answer wins. */
        public void served(Tier tier, Served how) {
            served.merge(tier, how, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        /** A span of {@code kind} that began at {@code spanStart} and just ended. */
        public void span(TraceSpan.Kind kind, String name, String key, String outcome, long spanStart) {
            spans.add(kind, name, key, outcome, spanStart - startNanos, System.nanoTime() - spanStart);
        }
    }

    /** One value being assembled, or the whole request for the root frame. */
    public static final class Frame {
        private final Frame parent;
        private final Request request;
        private final Map<String, Long> tags = new HashMap<>();

        private Frame(Frame parent, Request request) {
            this.parent = parent;
            this.request = request;
        }

        /** Each tag this frame's parts depend on, with the oldest {@code asOf} among the parts that carry it. */
        public Map<String, Long> tags() {
            return Map.copyOf(tags);
        }
    }

    /** Opens the request's root frame; its spans are kept only while instrumentation is on. */
    public Request open(long startNanos, String path) {
        Request request = new Request(startNanos, path, instrumented.getAsBoolean() ? new Spans.Kept() : Spans.OFF);
        current.set(new Frame(null, request));
        return request;
    }

    public void close() {
        current.remove();
    }

    /** The request on this thread, or null when none is open. */
    public Request request() {
        Frame frame = current.get();
        return frame == null ? null : frame.request;
    }

    /** The name the tier counters file the current work under. */
    public String counterRoute() {
        Request request = request();
        return request == null ? INTERNAL : request.counterRoute();
    }

    /** Starts a child frame for one value being loaded; close it with {@link #pop}. */
    public Frame push() {
        Frame parent = current.get();
        Frame frame = new Frame(parent, parent == null ? null : parent.request);
        current.set(frame);
        return frame;
    }

    /** Ends {@code frame}; its dependencies are recorded by the caller through {@link #depend}. */
    public void pop(Frame frame) {
        current.set(frame.parent);
    }

    /** The frame being assembled, or null on a thread with no open request or load. */
    public Frame frame() {
        return current.get();
    }

    /** The value just used depends on these tags, each reflecting writes up to its {@code asOf}. */
    public void depend(Map<String, Long> tags) {
        Frame frame = current.get();
        if (frame != null) {
            tags.forEach((tag, asOf) -> frame.tags.merge(tag, asOf, Math::min));
        }
    }

    /** {@code tier} served the current request this way. */
    public void served(Tier tier, Served how) {
        Request request = request();
        if (request != null) {
            request.served(tier, how);
        }
    }

    /** A span of the current request that began at {@code spanStart} and just ended. */
    public void span(TraceSpan.Kind kind, String name, String key, String outcome, long spanStart) {
        Request request = request();
        if (request != null) {
            request.span(kind, name, key, outcome, spanStart);
        }
    }

    /** A SQL statement that just ran for {@code nanos}; literals in its text are elided before a span keeps it. */
    public void statement(String sql, long nanos) {
        Request request = request();
        if (request == null) {
            return;
        }
        request.statements++;
        request.statementNanos += nanos;
        if (request.spans.kept()) {
            long end = System.nanoTime();
            request.spans.add(TraceSpan.Kind.SQL, SqlText.elideLiterals(sql), null, null,
                    end - nanos - request.startNanos, nanos);
        }
    }

    /**
     * A request's spans: kept in a list, or not at all while instrumentation is off, so recording code never
     * asks whether instrumentation is on (as Caffeine's disabled StatsCounter).
     */
    private sealed interface Spans {
        Spans OFF = new Off();

        boolean kept();

        void add(TraceSpan.Kind kind, String name, String key, String outcome, long offsetNanos, long nanos);

        List<TraceSpan> list();

        final class Kept implements Spans {
            private final List<TraceSpan> spans = new ArrayList<>();

            @Override
            public boolean kept() {
                return true;
            }

            @Override
            public void add(TraceSpan.Kind kind, String name, String key, String outcome, long offsetNanos,
                            long nanos) {
                spans.add(new TraceSpan(kind, name, key, outcome, offsetNanos / 1_000, nanos / 1_000));
            }

            @Override
            public List<TraceSpan> list() {
                return List.copyOf(spans);
            }
        }

        final class Off implements Spans {
            @Override
            public boolean kept() {
                return false;
            }

            @Override
            public void add(TraceSpan.Kind kind, String name, String key, String outcome, long offsetNanos,
                            long nanos) {
            }

            @Override
            public List<TraceSpan> list() {
                return List.of();
            }
        }
    }
}
