package dev.cachedeck.server.cache;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisTimeouts;
import dev.cachedeck.server.request.RequestScope;
import io.helidon.config.Config;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The cache layer alone over a real embedded Redis, for tests that drive loaders by hand. */
final class CacheHarness implements AutoCloseable {
    final EmbeddedRedis redis = EmbeddedRedis.start("64mb");
    final RedisConnection connection = new RedisConnection(redis.url(),
            new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofSeconds(5)));
    final CacheLayer layer;

    CacheHarness() {
        this(UnaryOperator.identity());
    }

    /** {@code wrap} may put a test's interception between the cache layer and its connection. */
    CacheHarness(UnaryOperator<StatefulRedisConnection<String, byte[]>> wrap) {
        layer = new CacheLayer(CacheSettings.load(Config.create().get("cachedeck.cache")),
                wrap.apply(connection.connection()), CacheDeckJson.newMapper(), new RequestScope(() -> true), change -> { });
    }

    ObjectCache query() {
        return layer.serviceCaches().query();
    }

    Invalidator invalidator() {
        return layer.serviceCaches().invalidator();
    }

    @Override
    public void close() {
        layer.close();
        connection.close();
        redis.close();
    }
}
