package dev.cachedeck.server.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/ping}: answers a constant without touching the database or the cache, behind the same filters
 * as every API route. The capacity a benchmark reaches on it is the ceiling of this server, HTTP stack and
 * load generator on this machine: no cached route can beat it, so each phase's capacity is reported against it.
 */
public final class PingRoutes implements HttpService {
    private static final byte[] PONG = "{\"pong\":true}".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ping", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(PONG);
        });
    }
}
