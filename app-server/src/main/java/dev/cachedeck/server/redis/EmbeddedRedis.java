package dev.cachedeck.server.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.logging.Logger;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server}, shipped inside the embedded-redis jar, run as a child process on a
 * free loopback port. Used when no {@code REDIS_URL} is configured; never a fake.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
    private static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 5;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis with the given {@code maxmemory} (e.g. "512mb"); retries when another process takes the port first. */
    public static EmbeddedRedis start(String maxMemory) {
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .bind(HOST)
                        .port(port)
                        // A cache: no snapshots or AOF files left in the working directory.
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("maxmemory " + maxMemory)
                        .setting("maxmemory-policy volatile-lru")
                        .onShutdownForceStop(true)
                        .build();
                server.start();
                LOG.info(() -> "embedded redis started url=redis://" + HOST + ":" + port);
                return new EmbeddedRedis(server, port);
            } catch (IOException e) {
                last = e;
                LOG.warning("embedded redis failed to start port=" + port + " attempt=" + attempt + " error=" + e.getMessage());
            }
        }
        throw new UncheckedIOException("could not start embedded redis", last);
    }

    public String url() {
        return "redis://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the process; used on shutdown and by outage tests. */
    public void stop() {
        try {
            if (server.isActive()) {
                server.stop();
                LOG.info(() -> "embedded redis stopped port=" + port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process again on the same port, after {@link #stop()}. */
    public void restart() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
