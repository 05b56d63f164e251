package dev.cachedeck.server.keys;

import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.redis.CacheUnavailableException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.function.Function;

/**
 * Redis for the admin tools (key browser, namespace summary, purges) on a connection of their own with a
 * longer command timeout. A key page or a purge batch pipelines hundreds of commands: on the requests'
 * connection they would queue in front of requests' commands and, under load, outlast the requests'
 * short timeout, and three such failures would open the cache's breaker and flush every entry. Here they
 * wait their turn on their own socket, and a failure is the admin call's alone. While the cache's breaker
 * is open (Redis down or recovering) they are refused at once, as the cache is.
 */
public final class AdminRedis {
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisGuard cacheGuard;

    public AdminRedis(StatefulRedisConnection<String, byte[]> connection, RedisGuard cacheGuard) {
        this.connection = connection;
        this.cacheGuard = cacheGuard;
    }

    public <T> T run(Function<StatefulRedisConnection<String, byte[]>, T> operation) {
        RedisGuard.State state = cacheGuard.state();
        if (state != RedisGuard.State.CLOSED) {
            throw new CacheUnavailableException("redis circuit " + state, null);
        }
        try {
            return operation.apply(connection);
        } catch (CacheUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheUnavailableException("redis call failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
