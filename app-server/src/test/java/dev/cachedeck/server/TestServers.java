package dev.cachedeck.server;

import io.helidon.config.Config;
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
        return CacheDeckServer.start(settings());
    }

    /** A server on this PostgreSQL instead of a private in-memory H2. */
    public static CacheDeckServer start(TestPostgres postgres) {
        return CacheDeckServer.start(settings(postgres.config()));
    }
}
