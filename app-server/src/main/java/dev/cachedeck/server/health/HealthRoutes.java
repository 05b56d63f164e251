package dev.cachedeck.server.health;

import dev.cachedeck.model.monitor.Health;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /observe/health}: 200 when UP or DEGRADED, 503 when the database is down. */
public final class HealthRoutes implements HttpService {
    private final HealthCheck check;

    public HealthRoutes(HealthCheck check) {
        this.check = check;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health", (req, res) -> {
            Health health = check.check();
            res.status(health.status() == Health.Status.DOWN ? 503 : 200).send(health);
        });
    }
}
