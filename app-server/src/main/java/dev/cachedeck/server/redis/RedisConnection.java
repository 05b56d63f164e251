package dev.cachedeck.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * One {@link RedisClient} and one long-lived, thread-safe connection shared by every request, with
 * a short command timeout so a slow Redis costs a request at most that long. Keys are strings,
 * values raw bytes (the cache tiers encode and compress them).
 *
 * <p>When Redis cannot be reached at start, the server starts anyway: {@link #connection()} is then
 * a stand-in whose commands fail (the cache's circuit breaker serves from the database) until a
 * background thread has connected, after which it forwards every call to the real connection.
 */
public final class RedisConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final AtomicReference<StatefulRedisConnection<String, byte[]>> live = new AtomicReference<>();
    private final StatefulRedisConnection<String, byte[]> connection;
    private final String url;
    private RedisClient resp3Client;
    private volatile boolean closed;

    public RedisConnection(String url, RedisTimeouts timeouts) {
        this(url, timeouts, null);
    }

    /** {@code resources} null: the client makes its own (threads, timer) and shuts them down with itself. */
    private RedisConnection(String url, RedisTimeouts timeouts, ClientResources resources) {
        this.url = url;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeouts.command());
        this.client = resources == null ? RedisClient.create(uri) : RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while disconnected instead of queueing commands behind a dead socket.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeouts.command()))
                .socketOptions(SocketOptions.builder().connectTimeout(timeouts.connect()).build())
                .build());
        if (tryConnect()) {
            this.connection = live.get();
        } else {
            LOG.warning(() -> "redis unreachable at start url=" + url + " retryEvery=" + timeouts.reconnectInterval()
                    + " (serving from the database meanwhile)");
            this.connection = forwarder();
            Thread.ofVirtual().name("redis-connect").start(() -> keepTrying(timeouts.reconnectInterval()));
        }
    }

    private boolean tryConnect() {
        try {
            live.set(client.connect(CODEC));
            return true;
        } catch (RedisConnectionException e) {
            return false;
        }
    }

    private void keepTrying(Duration retryInterval) {
        while (!closed && !tryConnect()) {
            try {
                Thread.sleep(retryInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (closed) {
            closeLive();
        } else {
            LOG.info(() -> "redis connected url=" + url);
        }
    }

    @SuppressWarnings("unchecked")
    private StatefulRedisConnection<String, byte[]> forwarder() {
        return (StatefulRedisConnection<String, byte[]>) Proxy.newProxyInstance(
                StatefulRedisConnection.class.getClassLoader(), new Class<?>[] {StatefulRedisConnection.class},
                (self, method, args) -> forward(self, method, args));
    }

    private Object forward(Object self, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "RedisConnection[" + url + "]";
            };
        }
        StatefulRedisConnection<String, byte[]> target = live.get();
        if (target == null) {
            return switch (method.getName()) {
                case "close" -> null;
                case "isOpen" -> false;
                default -> throw new RedisConnectionException("not connected yet to " + url);
            };
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public StatefulRedisConnection<String, byte[]> connection() {
        return connection;
    }

    /**
     * Another connection to the same Redis with other timeouts, on this one's I/O threads and timer (a second
     * client would start its own). Close it before this one.
     */
    public RedisConnection sibling(RedisTimeouts timeouts) {
        return new RedisConnection(url, timeouts, client.getResources());
    }

    /** A new pub/sub connection (string keys and messages) with the same options; throws when Redis is unreachable. */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    /** Runs {@code action} after each (re)connection of any of this client's connections, off Lettuce's I/O thread. */
    public void onConnected(Runnable action) {
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                Thread.ofVirtual().name("redis-connected").start(action);
            }
        });
    }

    /**
     * A plain RESP3 connection (string keys and values) to one node, on this client's threads, timer and
     * options: what the near tier's tracking needs, since push messages arrive only on RESP3. Throws when
     * the node cannot be reached.
     */
    public StatefulRedisConnection<String, String> connectResp3(RedisURI node) {
        return resp3Client().connect(StringCodec.UTF8, node);
    }

    private synchronized RedisClient resp3Client() {
        if (resp3Client == null) {
            resp3Client = RedisClient.create(client.getResources());
            resp3Client.setOptions(client.getOptions().mutate().protocolVersion(ProtocolVersion.RESP3).build());
        }
        return resp3Client;
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
        closed = true;
        closeLive();
        synchronized (this) {
            if (resp3Client != null) {
                resp3Client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private void closeLive() {
        StatefulRedisConnection<String, byte[]> current = live.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }
}
