package dev.cachedeck.server.fleet;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestPostgres;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several servers in one JVM sharing one Redis and one PostgreSQL, as instances behind a load balancer
 * would. The first server loads the sample data; the others find it there. The near tier is off: its
 * cross-instance window is the near tier's own subject, and these tests are about the shared tiers.
 */
final class TestFleet implements AutoCloseable {
    private final EmbeddedRedis redis = EmbeddedRedis.start("256mb");
    private final TestPostgres postgres = new TestPostgres();
    private final List<CacheDeckServer> servers = new ArrayList<>();
    private final Map<String, String> config = new HashMap<>();

    /** {@code size} servers with {@code extraConfig} on top of the shared Redis and database settings. */
    TestFleet(int size, Map<String, String> extraConfig) {
        config.putAll(postgres.config());
        config.put("cachedeck.redis.url", redis.url());
        config.put("cachedeck.cache.tiers.near", "false");
        config.putAll(extraConfig);
        try {
            for (int i = 0; i < size; i++) {
                servers.add(TestServers.started(TestServers.settings(config)));
            }
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /** One more server on the fleet's Redis and database, which the caller closes. */
    CacheDeckServer startAnother() {
        return TestServers.started(TestServers.settings(config));
    }

    /** The configuration keys every server of the fleet has: the shared Redis and database, and the test's own. */
    Map<String, String> config() {
        return Map.copyOf(config);
    }

    CacheDeckServer server(int index) {
        return servers.get(index);
    }

    ApiClient api(int index) {
        return new ApiClient(server(index).baseUri());
    }

    int size() {
        return servers.size();
    }

    String redisUrl() {
        return redis.url();
    }

    @Override
    public void close() {
        servers.reversed().forEach(CacheDeckServer::close);
        postgres.close();
        redis.close();
    }
}
