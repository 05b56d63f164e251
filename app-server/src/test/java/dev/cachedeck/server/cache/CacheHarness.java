package dev.cachedeck.server.cache;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.EmbeddedCluster;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.redis.EmbeddedRedis;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisTimeouts;
import dev.cachedeck.server.request.RequestScope;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The cache engine alone over a real Redis, for tests that drive loaders by hand. */
final class CacheHarness implements AutoCloseable {
    private static final RedisTimeouts TIMEOUTS = new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final Optional<EmbeddedRedis> ownRedis;
    final RedisConnection connection;
    final CacheEngine engine;

    CacheHarness() {
        this(UnaryOperator.identity());
    }

    /** {@code wrap} may put a test's interception between the cache engine and its connection. */
    CacheHarness(UnaryOperator<RedisAccess> wrap) {
        this(TestRedis.standalone(), wrap);
    }

    /**
     * On {@code backend}'s Redis: standalone, an embedded Redis of the harness's own; a cluster (one per test
     * class), emptied first of the application keys an earlier test of the class left there.
     */
    CacheHarness(TestRedis backend, UnaryOperator<RedisAccess> wrap) {
        ownRedis = backend.embeddedCluster().isPresent() ? Optional.empty() : Optional.of(EmbeddedRedis.start("64mb"));
        connection = new RedisConnection(backend.embeddedCluster().map(EmbeddedCluster::url)
                .orElseGet(() -> ownRedis.orElseThrow().url()), TIMEOUTS);
        engine = new CacheEngine(CacheSettings.load(Config.create().get("cachedeck.cache")),
                wrap.apply(connection), CacheDeckJson.newMapper(), new RequestScope(() -> true), change -> { },
                () -> "cache-harness");
        if (backend.embeddedCluster().isPresent()) {
            engine.guard().flushApplicationKeys();
        }
    }

    Invalidator invalidator() {
        return engine.invalidator();
    }

    @Override
    public void close() {
        engine.close();
        connection.close();
        ownRedis.ifPresent(EmbeddedRedis::close);
    }
}
