package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the request on the current thread has touched: the tags of every value it used, each with
 * the oldest {@code asOf} among the parts that carry it, so an entry built from other entries (a
 * response from query results) depends on everything they depend on and is never fresher than
 * its parts. Also
 * the outcome per tier for {@code X-Cache}.
 *
 * <p>Helidon runs each request on its own virtual thread, so a thread-local stack of frames is one
 * request: the root frame per request, one child frame per value being loaded.
 */
public final class CacheScope {
    private final ThreadLocal<Frame> current = new ThreadLocal<>();

    /** HIT beats nothing; MISS beats HIT (some of the answer came from below); BYPASS when the tier was skipped. */
    public enum Outcome { HIT, BYPASS, MISS }

    /** One value being assembled, or the whole request for the root frame. */
    public static final class Frame {
        private final Frame parent;
        private final String route;
        private final Map<String, Long> tags = new HashMap<>();
        private final Map<Tier, Outcome> outcomes;

        private Frame(Frame parent, String route) {
            this.parent = parent;
            this.route = route;
            this.outcomes = parent == null ? new EnumMap<>(Tier.class) : parent.outcomes;
        }

        /** Each tag this frame's parts depend on, with the oldest {@code asOf} among the parts that carry it. */
        public Map<String, Long> tags() {
            return Map.copyOf(tags);
        }

        public String route() {
            return route;
        }

        public Map<Tier, Outcome> outcomes() {
            return Map.copyOf(outcomes);
        }
    }

    /** Starts the request's root frame. */
    public Frame openRequest(String route) {
        Frame frame = new Frame(null, route);
        current.set(frame);
        return frame;
    }

    public void closeRequest() {
        current.remove();
    }

    /** Starts a child frame for one value being loaded; close it with {@link #pop}. */
    public Frame push() {
        Frame parent = current.get();
        Frame frame = new Frame(parent, parent == null ? "internal" : parent.route);
        current.set(frame);
        return frame;
    }

    /** Ends {@code frame}; its dependencies are recorded by the caller through {@link #depend}. */
    public void pop(Frame frame) {
        current.set(frame.parent);
    }

    /** The value just used depends on these tags, each reflecting writes up to its {@code asOf}. */
    public void depend(Map<String, Long> tags) {
        Frame frame = current.get();
        if (frame != null) {
            tags.forEach((tag, asOf) -> frame.tags.merge(tag, asOf, Math::min));
        }
    }

    public void record(Tier tier, Outcome outcome) {
        Frame frame = current.get();
        if (frame != null) {
            frame.outcomes.merge(tier, outcome, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    public String route() {
        Frame frame = current.get();
        return frame == null ? "internal" : frame.route;
    }
}
