package dev.cachedeck.server.metrics;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.server.http.RequestScopeFilter;
import dev.cachedeck.server.request.RequestScope;
import dev.cachedeck.server.trace.TraceBuffer;
import io.helidon.webserver.http.RoutingRequest;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Turns each finished API request into stats and, while instrumentation is on, a trace. Admin and observe
 * requests are not counted: the dashboard polling itself would otherwise show up as traffic.
 */
public final class RequestObserver implements RequestScopeFilter.Finished {
    private final RequestStats stats;
    private final TraceBuffer traces;
    private final Clock clock;
    private final Supplier<String> instance;

    /** {@code instance} is this server instance's id, which every trace names. */
    public RequestObserver(RequestStats stats, TraceBuffer traces, Clock clock, Supplier<String> instance) {
        this.stats = stats;
        this.traces = traces;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public void finished(RequestScope.Request request, RoutingRequest req, int status, long nanos) {
        if (!request.path().startsWith(ApiPaths.API + "/")) {
            return;
        }
        String method = req.prologue().method().text();
        String route = request.cachedRoute() != null ? request.cachedRoute() : method + " " + template(req);
        stats.record(route, request.responseHit(), status >= 500, nanos, request.statements(), request.instrumented());
        if (request.instrumented()) {
            traces.add(new RequestTrace(traces.nextId(), instance.get(), clock.instant().minusNanos(nanos), method, route,
                    request.path(), status, nanos / 1_000, request.statements(), request.spans()));
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
