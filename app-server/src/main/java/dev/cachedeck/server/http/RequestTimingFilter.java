package dev.cachedeck.server.http;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.store.StatementTally;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;

/**
 * Adds {@code X-DB-Queries} (statements this request ran) and a standard {@code Server-Timing}
 * header ({@code db} and {@code total} durations) to every response.
 */
public final class RequestTimingFilter implements Filter {
    private final StatementTally tally;

    public RequestTimingFilter(StatementTally tally) {
        this.tally = tally;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        StatementTally.RequestTally request = tally.begin();
        res.beforeSend(() -> {
            res.header(ApiPaths.HEADER_DB_QUERIES, Integer.toString(request.statements()));
            res.header(ApiPaths.HEADER_SERVER_TIMING, serverTiming(request, System.nanoTime() - start));
        });
        try {
            chain.proceed();
        } finally {
            tally.end();
        }
    }

    private static String serverTiming(StatementTally.RequestTally request, long totalNanos) {
        return String.format(Locale.ROOT, "db;desc=\"%d SQL statements\";dur=%.3f, total;dur=%.3f",
                request.statements(), request.nanos() / 1e6, totalNanos / 1e6);
    }
}
