package dev.cachedeck.server.metrics;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.redis.CacheUnavailableException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@code GET /admin/redis/nodes}: each master's own INFO figures, the breakdown of the Redis-wide figures the
 * stats show summed; 503 while Redis cannot be asked.
 */
public final class RedisNodeRoutes implements HttpService {
    private final RedisInfo info;

    public RedisNodeRoutes(RedisInfo info) {
        this.info = info;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(ApiPaths.ADMIN_REDIS_NODES.substring(ApiPaths.ADMIN.length()), (req, res) -> {
            res.send(info.perNode().orElseThrow(() -> new CacheUnavailableException("redis circuit not closed", null)));
        });
    }
}
