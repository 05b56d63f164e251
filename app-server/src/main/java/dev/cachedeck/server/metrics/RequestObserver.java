package dev.cachedeck.server.metrics;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.server.trace.TraceBuffer;
import dev.cachedeck.server.trace.TraceScope;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Clock;

/**
 * Turns each finished API request into stats and, while instrumentation is on, a trace. Admin and observe
 * requests are not counted: the dashboard polling itself would otherwise show up as traffic.
 */
public final class RequestObserver {
    private final TraceScope scope;
    private final RequestStats stats;
    private final TraceBuffer traces;
    private final Clock clock;

    public RequestObserver(TraceScope scope, RequestStats stats, TraceBuffer traces, Clock clock) {
        this.scope = scope;
        this.stats = stats;
        this.traces = traces;
        this.clock = clock;
    }

    /** Opens the request's recording, or returns null for a request outside {@code /api}. */
    public TraceScope.Recording begin(RoutingRequest req, RoutingResponse res, long startNanos) {
        if (!req.path().path().startsWith(ApiPaths.API + "/")) {
            return null;
        }
        TraceScope.Recording recording = scope.begin(startNanos, req.path().path());
        if (recording.traced()) {
            // From the moment the response starts (its entity about to be written) until it has gone out.
            long[] sendStart = new long[1];
            res.beforeSend(() -> sendStart[0] = System.nanoTime());
            res.whenSent(() -> scope.serialization("response body", recording, sendStart[0]));
        }
        return recording;
    }

    /** Records the request that {@link #begin} opened, answered with {@code status} after {@code nanos}. */
    public void end(TraceScope.Recording recording, RoutingRequest req, int status, long nanos, int statements) {
        scope.end();
        String method = req.prologue().method().text();
        String route = recording.route() != null ? recording.route() : method + " " + template(req);
        stats.record(route, recording.responseHit(), status >= 500, nanos, statements);
        if (recording.traced()) {
            traces.add(new RequestTrace(traces.nextId(), clock.instant().minusNanos(nanos), method, route,
                    recording.path(), status, nanos / 1_000, statements, recording.spans()));
        }
    }

    /**
     * The route template that matched ({@code /api/jobs/{job_id}}) so ids do not each become a route; the
     * catch-all that answers 404 for unknown paths has an empty template.
     */
    private static String template(RoutingRequest req) {
        return req.matchingPattern()
                .filter(pattern -> !pattern.isEmpty() && !pattern.equals("/") && !pattern.equals(ApiPaths.API))
                .map(pattern -> pattern.startsWith(ApiPaths.API) ? pattern : ApiPaths.API + pattern)
                .orElse("(no route)");
    }
}
