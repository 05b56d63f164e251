package dev.cachedeck.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The requests of a phase's measured window, kept in send order for the phase's capacity run to send again. The
 * capacity run then does the same work as the window, on keys the window has already requested: a warm phase's
 * capacity is measured on the hits its window saw, not on keys that a fresh draw from the long Zipf tail meets
 * for the first time (those made the warm capacity a mix of near hits, Redis hits and misses), and every phase's
 * capacity run sends the same requests. Only the first {@link #LIMIT} are kept, which bounds memory at high rates;
 * a prefix of the window has been requested by the window all the same.
 */
final class WindowReplay {
    static final int LIMIT = 200_000;

    private final List<PlannedRequest> kept = new ArrayList<>();

    /** Keeps {@code request} (while under the limit) and returns it. Called on the one scheduling thread. */
    PlannedRequest keep(PlannedRequest request) {
        if (kept.size() < LIMIT) {
            kept.add(request);
        }
        return request;
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /**
     * One lane per worker of {@code workers}: worker w sends the kept requests in order from {@code w / workers} of
     * the way through, wrapping around, so the workers start spread over the window. Each lane is used by one
     * worker; all of them read one copy of the requests, taken once the window has ended.
     */
    IntFunction<Supplier<PlannedRequest>> lanes(int workers) {
        PlannedRequest[] requests = kept.toArray(PlannedRequest[]::new);
        return worker -> new Lane(requests, (int) ((long) requests.length * worker / workers));
    }

    private static final class Lane implements Supplier<PlannedRequest> {
        private final PlannedRequest[] requests;
        private int next;

        Lane(PlannedRequest[] requests, int start) {
            this.requests = requests;
            this.next = start;
        }

        @Override
        public PlannedRequest get() {
            PlannedRequest request = requests[next];
            next = next + 1 == requests.length ? 0 : next + 1;
            return request;
        }
    }
}
