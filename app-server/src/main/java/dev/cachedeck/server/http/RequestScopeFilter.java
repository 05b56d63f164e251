package dev.cachedeck.server.http;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.monitor.TraceSpan;
import dev.cachedeck.server.request.RequestScope;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;

/**
 * The outermost filter: opens the request's {@link RequestScope} and closes it when the request is done.
 * Adds {@code X-DB-Queries} (statements this request ran) and a standard {@code Server-Timing} header
 * ({@code db} and {@code total} durations) to every response, and hands each finished request to
 * {@link Finished} (the stats and traces).
 */
public final class RequestScopeFilter implements Filter {
    private final RequestScope scope;
    private final Finished finished;

    /** Hears of every request once it has been answered. */
    public interface Finished {
        void finished(RequestScope.Request request, RoutingRequest req, int status, long nanos);
    }

    public RequestScopeFilter(RequestScope scope, Finished finished) {
        this.scope = scope;
        this.finished = finished;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        RequestScope.Request request = scope.open(start, req.path().path());
        res.beforeSend(() -> {
            res.header(ApiPaths.HEADER_DB_QUERIES, Integer.toString(request.statements()));
            res.header(ApiPaths.HEADER_SERVER_TIMING, serverTiming(request, System.nanoTime() - start));
        });
        if (request.instrumented()) {
            // From the moment the response starts (its entity about to be written) until it has gone out;
            // Helidon may report the end of a send after the scope has closed, so the span goes to the request itself.
            long[] sendStart = new long[1];
            res.beforeSend(() -> sendStart[0] = System.nanoTime());
            res.whenSent(() -> {
                if (sendStart[0] != 0) {
                    request.span(TraceSpan.Kind.SERIALIZATION, "response body", null, null, sendStart[0]);
                }
            });
        }
        int status = 500;
        try {
            chain.proceed();
            status = res.status().code();
        } catch (ApiProblem problem) {
            // Rendered as problem+json after this filter returns, so the response does not carry its status yet.
            status = problem.status();
            throw problem;
        } finally {
            scope.close();
            finished.finished(request, req, status, System.nanoTime() - start);
        }
    }

    private static String serverTiming(RequestScope.Request request, long totalNanos) {
        return String.format(Locale.ROOT, "db;desc=\"%d SQL statements\";dur=%.3f, total;dur=%.3f",
                request.statements(), request.statementNanos() / 1e6, totalNanos / 1e6);
    }
}
