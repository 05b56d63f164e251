package dev.cachedeck.server.cache;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisTimeouts;
import dev.cachedeck.server.trace.TraceScope;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The cache layer alone over a real embedded Redis, for tests that drive loaders by hand. */
final class CacheHarness implements AutoCloseable {
    final EmbeddedRedis redis = EmbeddedRedis.start("64mb");
    final RedisConnection connection = new RedisConnection(redis.url(),
            new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(2)));
    final CacheLayer layer;

    CacheHarness() {
        this(UnaryOperator.identity());
    }

    /** {@code wrap} may put a test's interception between the cache layer and its connection. */
    CacheHarness(UnaryOperator<RedisAccess> wrap) {
        layer = new CacheLayer(CacheSettings.load(Config.create().get("cachedeck.cache")),
                wrap.apply(connection), CacheDeckJson.newMapper(), new TraceScope(() -> true), change -> { });
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
