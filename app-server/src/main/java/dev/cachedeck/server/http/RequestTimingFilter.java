package dev.cachedeck.server.http;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.metrics.RequestObserver;
import dev.cachedeck.server.store.StatementTally;
import dev.cachedeck.server.trace.TraceScope;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;

/**
 * Adds {@code X-DB-Queries} (statements this request ran) and a standard {@code Server-Timing}
 * header ({@code db} and {@code total} durations) to every response, and hands each finished
 * request to the stats and traces.
 */
public final class RequestTimingFilter implements Filter {
    private final StatementTally tally;
    private final RequestObserver observer;

    public RequestTimingFilter(StatementTally tally, RequestObserver observer) {
        this.tally = tally;
        this.observer = observer;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        StatementTally.RequestTally request = tally.begin();
        TraceScope.Recording recording = observer.begin(req, res, start);
        res.beforeSend(() -> {
            res.header(ApiPaths.HEADER_DB_QUERIES, Integer.toString(request.statements()));
            res.header(ApiPaths.HEADER_SERVER_TIMING, serverTiming(request, System.nanoTime() - start));
        });
        int status = 500;
        try {
            chain.proceed();
            status = res.status().code();
        } catch (ApiProblem problem) {
            // Rendered as problem+json after this filter returns, so the response does not carry its status yet.
            status = problem.status();
            throw problem;
        } finally {
            tally.end();
            if (recording != null) {
                observer.end(recording, req, status, System.nanoTime() - start, request.statements());
            }
        }
    }

    private static String serverTiming(StatementTally.RequestTally request, long totalNanos) {
        return String.format(Locale.ROOT, "db;desc=\"%d SQL statements\";dur=%.3f, total;dur=%.3f",
                request.statements(), request.nanos() / 1e6, totalNanos / 1e6);
    }
}
