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
        return ServerSettings.load(Config.create(), Map.of())
                .withInMemory(true)
                .withScale(SCALE)
                .withPort(0)
                .withAdminToken(ADMIN_TOKEN);
    }

    public static CacheDeckServer start() {
        return CacheDeckServer.start(settings());
    }
}
