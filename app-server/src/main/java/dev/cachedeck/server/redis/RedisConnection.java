package dev.cachedeck.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * One {@link RedisClient} and one long-lived, thread-safe connection shared by every request, with
 * a short command timeout so a slow Redis costs a request at most that long. Keys are strings,
 * values raw bytes (the cache tiers encode and compress them).
 */
public final class RedisConnection implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final String url;

    public RedisConnection(String url, Duration commandTimeout) {
        this.url = url;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while disconnected instead of queueing commands behind a dead socket.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(4)).build())
                .build());
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    public String url() {
        return url;
    }

    /** Round-trip time of a PING, in microseconds; throws when Redis does not answer in time. */
    public long pingMicros() {
        long start = System.nanoTime();
        connection.sync().ping();
        return (System.nanoTime() - start) / 1_000;
    }

    /** The server's {@code redis_version} from INFO. */
    public String serverVersion() {
        String info = connection.sync().info("server");
        return info.lines()
                .filter(line -> line.startsWith("redis_version:"))
                .map(line -> line.substring("redis_version:".length()).trim())
                .findFirst()
                .orElse("unknown");
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
