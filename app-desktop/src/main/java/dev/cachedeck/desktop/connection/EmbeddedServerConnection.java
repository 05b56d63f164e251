package dev.cachedeck.desktop.connection;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import java.net.URI;
import java.util.Optional;

/** A whole server (H2, embedded Redis, API) running in this process; closing it stops all of it. */
public final class EmbeddedServerConnection implements ServerConnection {
    private final CacheDeckServer server;

    private EmbeddedServerConnection(CacheDeckServer server) {
        this.server = server;
    }

    /** Blocks until the server listens; the first start of a file database generates the sample data first. */
    public static EmbeddedServerConnection start(ServerSettings settings) {
        return new EmbeddedServerConnection(CacheDeckServer.start(settings));
    }

    @Override
    public URI baseUri() {
        return server.baseUri();
    }

    @Override
    public String adminToken() {
        return server.adminToken();
    }

    /** The Redis the embedded server started, empty when it was configured to use one that already ran. */
    public Optional<String> embeddedRedisUrl() {
        return server.embeddedRedis().map(redis -> redis.url());
    }

    @Override
    public boolean embedded() {
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
