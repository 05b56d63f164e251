package dev.cachedeck.server.metrics;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /observe/metrics}: Prometheus text, without a token (the server binds to loopback by default). */
public final class PrometheusRoutes implements HttpService {
    private final PrometheusExposition exposition;

    public PrometheusRoutes(PrometheusExposition exposition) {
        this.exposition = exposition;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, PrometheusExposition.CONTENT_TYPE)
                .send(exposition.render()));
    }
}
