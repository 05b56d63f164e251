package dev.cachedeck.server.metrics;

import dev.cachedeck.model.monitor.RedisFigures;
import dev.cachedeck.model.monitor.RedisNodeFigures;
import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.Futures;
import dev.cachedeck.server.redis.RedisNode;
import io.lettuce.core.RedisFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis-wide figures from {@code INFO}, asked of every master at once (one server when standalone), through the
 * cache's guard so an open circuit costs nothing and the command timeout bounds a slow Redis.
 */
public final class RedisInfo {
    private final RedisGuard guard;

    public RedisInfo(RedisGuard guard) {
        this.guard = guard;
    }

    /** The figures now, summed over the masters, or empty when Redis could not be asked. */
    public Optional<RedisFigures> read() {
        return perNode().map(nodes -> nodes.stream().map(RedisNodeFigures::figures)
                .reduce(RedisFigures.ZERO, RedisFigures::plus));
    }

    /** Each master's own figures, lowest slot first, or empty when Redis could not be asked. */
    public Optional<List<RedisNodeFigures>> perNode() {
        try {
            return Optional.of(guard.run(connection -> {
                List<RedisNode> masters = connection.masters();
                List<RedisFuture<String>> infos = masters.stream().map(master -> master.async().info()).toList();
                List<RedisNodeFigures> figures = new ArrayList<>(masters.size());
                for (int i = 0; i < masters.size(); i++) {
                    RedisNode master = masters.get(i);
                    figures.add(new RedisNodeFigures(master.id(), master.address(), master.slotCount(),
                            parse(Futures.await(infos.get(i)))));
                }
                return figures;
            }));
        } catch (CacheUnavailableException e) {
            return Optional.empty();
        }
    }

    /** Parses INFO's {@code field:value} lines; {@code keys} sums {@code keys=} of every {@code dbN} line. */
    static RedisFigures parse(String info) {
        Map<String, String> fields = new HashMap<>();
        long keys = 0;
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (name.matches("db\\d+")) {
                keys += keysOf(value);
            } else {
                fields.put(name, value);
            }
        }
        return new RedisFigures(number(fields, "used_memory"), keys, number(fields, "keyspace_hits"),
                number(fields, "keyspace_misses"), number(fields, "evicted_keys"), number(fields, "expired_keys"),
                number(fields, "instantaneous_ops_per_sec"), number(fields, "connected_clients"));
    }

    private static long keysOf(String keyspaceLine) {
        for (String part : keyspaceLine.split(",")) {
            if (part.startsWith("keys=")) {
                return Long.parseLong(part.substring("keys=".length()));
            }
        }
        return 0;
    }

    private static long number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
