package dev.cachedeck.server.trace;

import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestNumbers;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** {@code GET /admin/traces} (newest first) and {@code GET /admin/traces/slowest}, each with {@code route} and {@code limit}. */
public final class TraceRoutes implements HttpService {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_ROUTE_LENGTH = 200;

    private final RequestReader reader;
    private final TraceBuffer traces;

    public TraceRoutes(RequestReader reader, TraceBuffer traces) {
        this.reader = reader;
        this.traces = traces;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/traces", (req, res) -> {
                    res.send(traces.recent(route(req), limit(req)));
                })
                .get("/traces/slowest", (req, res) -> {
                    res.send(traces.slowest(route(req), limit(req)));
                });
    }

    private String route(ServerRequest req) {
        String route = reader.query(req, "route").filter(value -> !value.isBlank()).orElse(null);
        if (route != null && route.length() > MAX_ROUTE_LENGTH) {
            throw ApiProblem.invalidFields(List.of(new FieldError("route", "must be at most " + MAX_ROUTE_LENGTH
                    + " characters")));
        }
        return route;
    }

    private int limit(ServerRequest req) {
        String raw = reader.query(req, "limit").orElse(Integer.toString(DEFAULT_LIMIT));
        try {
            int limit = RequestNumbers.parseInt(raw);
            if (limit >= 1 && limit <= traces.capacity()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalidFields(List.of(new FieldError("limit", "must be an integer from 1 to "
                + traces.capacity())));
    }
}
