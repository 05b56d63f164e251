package dev.cachedeck.server.health;

import dev.cachedeck.model.monitor.Health;
import dev.cachedeck.model.monitor.Health.Component;
import dev.cachedeck.model.monitor.Health.Status;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisNode;
import dev.cachedeck.server.store.Jdbc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Database and Redis health. The database down makes the service DOWN (nothing can be answered);
 * Redis down only DEGRADED, because every read still succeeds from the database. On a Redis Cluster,
 * Redis is UP only when every master answers and together they serve every slot.
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
            List<RedisNode> masters = redis.masters();
            masters.forEach(master -> master.sync().ping());
            int served = masters.stream().mapToInt(RedisNode::slotCount).sum();
            String version = "Redis " + redis.serverVersion();
            if (!redis.cluster()) {
                return new Component(Status.UP, version + " at " + redis.url(), micros(start));
            }
            String detail = version + " cluster, " + masters.size() + " masters serving " + served + " of "
                    + RedisNode.SLOTS + " slots, seeds " + redis.url();
            return new Component(served == RedisNode.SLOTS ? Status.UP : Status.DOWN, detail, micros(start));
        } catch (RuntimeException e) {
            return new Component(Status.DOWN, "redis unreachable: " + e.getClass().getSimpleName(), micros(start));
        }
    }

    private static long micros(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000;
    }
}
