package dev.cachedeck.server.keys;

import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisRefusal;
import java.util.function.Function;

/**
 * Redis for the admin tools (key browser, namespace summary, purges) on a connection of their own with a
 * longer command timeout. A key page or a purge batch pipelines hundreds of commands: on the requests'
 * connection they would queue in front of requests' commands and, under load, outlast the requests'
 * short timeout, and three such failures would open the cache's breaker and flush every entry. Here they
 * wait their turn on their own socket, and a failure is the admin call's alone. While the cache's breaker
 * is open (Redis down or recovering) they are refused at once, as the cache is. Redis answering with an
 * error about the command itself (WRONGTYPE on a key of another type) is no outage: it is a 409 in words.
 */
public final class AdminRedis {
    private final RedisAccess connection;
    private final RedisGuard cacheGuard;

    public AdminRedis(RedisAccess connection, RedisGuard cacheGuard) {
        this.connection = connection;
        this.cacheGuard = cacheGuard;
    }

    public <T> T run(Function<RedisAccess, T> operation) {
        RedisGuard.State state = cacheGuard.state();
        if (state != RedisGuard.State.CLOSED) {
            throw new CacheUnavailableException("redis circuit " + state, null);
        }
        try {
            return operation.apply(connection);
        } catch (CacheUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (RedisRefusal.isRefusal(e)) {
                throw ApiProblem.conflict(RedisRefusal.explain(e));
            }
            throw new CacheUnavailableException("redis call failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
