package dev.cachedeck.server.health;

import dev.cachedeck.model.monitor.Health;
import dev.cachedeck.model.monitor.Health.Component;
import dev.cachedeck.model.monitor.Health.Status;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.store.Jdbc;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Database and Redis health. The database down makes the service DOWN (nothing can be answered);
 * Redis down only DEGRADED, because every read still succeeds from the database.
 */
public final class HealthCheck {
    private final Jdbc jdbc;
    private final RedisConnection redis;

    public HealthCheck(Jdbc jdbc, RedisConnection redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    public Health check() {
        Map<String, Component> components = new LinkedHashMap<>();
        components.put("database", database());
        components.put("redis", redis());
        Status overall = components.get("database").status() == Status.DOWN ? Status.DOWN
                : components.get("redis").status() == Status.DOWN ? Status.DEGRADED
                : Status.UP;
        return new Health(overall, components);
    }

    private Component database() {
        long start = System.nanoTime();
        try {
            return new Component(Status.UP, jdbc.probe(), micros(start));
        } catch (RuntimeException e) {
            return new Component(Status.DOWN, "database unreachable: " + e.getClass().getSimpleName(), micros(start));
        }
    }

    private Component redis() {
        long start = System.nanoTime();
        try {
            redis.pingMicros();
            return new Component(Status.UP, "Redis " + redis.serverVersion() + " at " + redis.url(), micros(start));
        } catch (RuntimeException e) {
            return new Component(Status.DOWN, "redis unreachable: " + e.getClass().getSimpleName(), micros(start));
        }
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
