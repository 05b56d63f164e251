package dev.cachedeck.server;

import dev.cachedeck.server.cache.RedisGuard;
import io.helidon.config.Config;
import java.time.Duration;
import java.util.Map;

/** Settings for a server under test: in memory, small data, a free port, a known admin token. */
public final class TestServers {
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final double SCALE = 0.02;

    private TestServers() {
    }

    public static ServerSettings settings() {
        return settings(Map.of());
    }

    /** The test settings with configuration keys set on top, as a deployment's environment would. */
    public static ServerSettings settings(Map<String, String> config) {
        return ServerSettings.load(Config.create(), Map.of())
                .with(config)
                .withInMemory(true)
                .withScale(SCALE)
                .withPort(0)
                .withAdminToken(ADMIN_TOKEN);
    }

    public static CacheDeckServer start() {
        return started(settings());
    }

    /** A server on this PostgreSQL instead of a private in-memory H2. */
    public static CacheDeckServer start(TestPostgres postgres) {
        return started(settings(postgres.config()));
    }

    /**
     * A server started with {@code settings} whose Redis circuit is closed: on a loaded machine its first commands
     * (the cache-epoch check) can time out and open the circuit until the probe has flushed, and a test that expects
     * cache hits must not begin meanwhile.
     */
    public static CacheDeckServer started(ServerSettings settings) {
        CacheDeckServer server = CacheDeckServer.start(settings);
        try {
            awaitBreakerClosed(server);
            return server;
        } catch (AssertionError e) {
            server.close();
            throw e;
        }
    }

    /**
     * Waits until the server's Redis circuit is closed: at start on a loaded machine a slow first command can open
     * it until its probe has flushed, and after an outage it closes only once Redis answers again.
     */
    public static void awaitBreakerClosed(CacheDeckServer server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.cache().guard().state() != RedisGuard.State.CLOSED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the circuit did not close within 20 s, state " + server.cache().guard().state());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
