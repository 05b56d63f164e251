package dev.cachedeck.server.near;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * One node's invalidation feed: a dedicated connection with {@code CLIENT TRACKING ON BCAST PREFIX ...}
 * and a push listener of our own. Lettuce reconnects by itself but does not restore tracking, so every
 * (re)connection issues {@code CLIENT TRACKING} again.
 *
 * <p>Each connection's life is a generation: a drop starts a new one, and the node counts as tracked
 * only when the generation its last {@code CLIENT TRACKING} succeeded on is the current one. An answer
 * that arrives for the old socket after a drop can therefore never make the node look tracked.
 */
final class TrackingConnection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TrackingConnection.class.getName());

    /** What the node's feed tells the near tier. Called on Lettuce's I/O thread: nothing here may block. */
    interface Events {
        void invalidated(List<String> keys);

        void flushed();

        void lost(RedisURI node);

        /** {@code CLIENT TRACKING} succeeded; {@code epochBefore} is the near tier's epoch read before it was sent. */
        void tracking(RedisURI node, long epochBefore);

        long epoch();
    }

    private final RedisURI node;
    private final NodeConnector connector;
    private final TrackingArgs args;
    private final Events events;
    private final Duration retryInterval;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong trackedGeneration = new AtomicLong(-1);
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;

    TrackingConnection(RedisURI node, NodeConnector connector, List<String> prefixes, Events events,
                       Duration retryInterval) {
        this.node = node;
        this.connector = connector;
        this.args = TrackingArgs.Builder.enabled().bcast().prefixes(prefixes.toArray(String[]::new));
        this.events = events;
        this.retryInterval = retryInterval;
    }

    /** Connects and enables tracking in the background, trying again until it works or is closed. */
    void start() {
        Thread.ofVirtual().name("near-tracking-" + node.getPort()).start(this::trackUntilDone);
    }

    boolean tracked() {
        return trackedGeneration.get() == generation.get();
    }

    private synchronized void trackUntilDone() {
        while (!closed) {
            long epoch = events.epoch();
            long current = generation.get();
            try {
                connection().sync().clientTracking(args);
                trackedGeneration.accumulateAndGet(current, Math::max);
                LOG.info(() -> "near tracking on node=" + node.getHost() + ":" + node.getPort());
                events.tracking(node, epoch);
                return;
            } catch (RuntimeException e) {
                LOG.fine(() -> "near tracking not yet on node=" + node.getHost() + ":" + node.getPort() + " error=" + e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            StatefulRedisConnection<String, String> opened = connector.connect(node);
            opened.addListener((PushListener) this::onPush);
            opened.addListener(new Reconnects());
            connection = opened;
            if (closed) {
                opened.close();
            }
        }
        return connection;
    }

    private boolean pause() {
        try {
            Thread.sleep(retryInterval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void onPush(PushMessage message) {
        if (!"invalidate".equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        // After FLUSHALL or FLUSHDB Redis sends the invalidation with a null key list.
        if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
            events.flushed();
            return;
        }
        events.invalidated(keys.stream().map(String::valueOf).toList());
    }

    private final class Reconnects implements RedisConnectionStateListener {
        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            if (closed) {
                return;
            }
            generation.incrementAndGet();
            events.lost(node);
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            if (!closed) {
                Thread.ofVirtual().name("near-retrack-" + node.getPort()).start(TrackingConnection.this::trackUntilDone);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        generation.incrementAndGet();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
