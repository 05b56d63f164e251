package dev.cachedeck.server.cache;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisTimeouts;
import dev.cachedeck.server.request.RequestScope;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** The cache engine alone over a real embedded Redis, for tests that drive loaders by hand. */
final class CacheHarness implements AutoCloseable {
    final EmbeddedRedis redis = EmbeddedRedis.start("64mb");
    final RedisConnection connection = new RedisConnection(redis.url(),
            new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(1),
                    Duration.ofSeconds(5), Duration.ofSeconds(2)));
    final CacheEngine engine;

    CacheHarness() {
        this(UnaryOperator.identity());
    }

    /** {@code wrap} may put a test's interception between the cache engine and its connection. */
    CacheHarness(UnaryOperator<RedisAccess> wrap) {
        engine = new CacheEngine(CacheSettings.load(Config.create().get("cachedeck.cache")),
                wrap.apply(connection), CacheDeckJson.newMapper(), new RequestScope(() -> true), change -> { },
                () -> "cache-harness");
    }

    Invalidator invalidator() {
        return engine.invalidator();
    }

    @Override
    public void close() {
        engine.close();
        connection.close();
        redis.close();
    }
}
