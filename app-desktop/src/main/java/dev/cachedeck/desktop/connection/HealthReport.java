package dev.cachedeck.desktop.connection;

import dev.cachedeck.model.monitor.Health;
import java.time.Instant;
import java.util.Optional;

/** One health poll: the state it implies, the server's answer if there was one, and why not if there was none. */
public record HealthReport(ConnectionState state, Optional<Health> health, String problem, Instant checkedAt) {
    /** A parsed answer; the database down (HTTP 503) still means the server is reachable, so DEGRADED. */
    public static HealthReport answered(Health health, Instant checkedAt) {
        ConnectionState state = health.status() == Health.Status.UP ? ConnectionState.CONNECTED
                : ConnectionState.DEGRADED;
        return new HealthReport(state, Optional.of(health), "", checkedAt);
    }

    public static HealthReport unreachable(String problem, Instant checkedAt) {
        return new HealthReport(ConnectionState.UNREACHABLE, Optional.empty(), problem, checkedAt);
    }
}
