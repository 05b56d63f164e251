package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Watches what Redis removes by itself, from keyspace notifications: entries that expired at their
 * TTL and entries evicted under {@code maxmemory} are counted per tier. An evicted tag set or tag
 * version is worse than a miss: the entries registered under it can no longer be found by a write's
 * invalidation, so it is treated like a lost invalidation (the breaker opens and the application's
 * keys are flushed before Redis is used again).
 *
 * <p>Notifications are enabled with {@code CONFIG SET notify-keyspace-events}, keeping whatever
 * flags were already set, and again after every reconnect because a restarted Redis forgets them. A
 * Redis that refuses CONFIG (a managed service) leaves the counts at zero and {@link #observing()}
 * false. Pub/sub delivers at most once: events sent while this connection was down are lost, which
 * the breaker's flush after an outage covers.
 */
public final class KeyEventWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeyEventWatcher.class.getName());
    private static final String EXPIRED = "__keyevent@*__:expired";
    private static final String EVICTED = "__keyevent@*__:evicted";
    // E: keyevent channels, x: expired, e: evicted.
    private static final String NEEDED_FLAGS = "Exe";

    private final Supplier<StatefulRedisPubSubConnection<String, String>> connect;
    private final StatefulRedisConnection<String, byte[]> commands;
    private final CacheKeys keys;
    private final CacheCounters counters;
    private final RedisGuard guard;
    private final Duration retryInterval;
    private volatile StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean observing;
    private volatile boolean closed;

    /**
     * @param connect  opens a pub/sub connection (one that has subscribed can send nothing else on RESP2)
     * @param commands the connection CONFIG is sent on
     */
    public KeyEventWatcher(Supplier<StatefulRedisPubSubConnection<String, String>> connect,
                           StatefulRedisConnection<String, byte[]> commands, CacheKeys keys, CacheCounters counters,
                           RedisGuard guard, Duration retryInterval) {
        this.connect = connect;
        this.commands = commands;
        this.keys = keys;
        this.counters = counters;
        this.guard = guard;
        this.retryInterval = retryInterval;
    }

    /** Subscribes in the background, retrying until Redis answers; the server does not wait for it. */
    public void start() {
        Thread.ofVirtual().name("redis-key-events").start(this::subscribeWhenReachable);
    }

    /** Whether notifications are enabled and subscribed to, so the expired and evicted counts mean something. */
    public boolean observing() {
        return observing;
    }

    /**
     * Enables the notifications again; to be called after each reconnect (a restarted Redis has forgotten
     * them), not on Lettuce's I/O thread since it waits for Redis.
     */
    public void reapplyConfig() {
        if (connection != null && !closed) {
            enableNotifications();
        }
    }

    void onEvent(String channel, String key) {
        if (!keys.owns(key)) {
            return;
        }
        Tier tier = keys.tierOf(key);
        boolean evicted = channel.endsWith(":evicted");
        if (tier != null) {
            if (evicted) {
                counters.evicted(tier);
            } else {
                counters.expired(tier);
            }
        } else if (evicted) {
            guard.invalidationLost("redis evicted bookkeeping key " + key);
        }
    }

    private void subscribeWhenReachable() {
        while (!closed) {
            StatefulRedisPubSubConnection<String, String> opened = null;
            try {
                opened = connect.get();
                opened.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String pattern, String channel, String key) {
                        onEvent(channel, key);
                    }
                });
                opened.sync().psubscribe(EXPIRED, EVICTED);
                connection = opened;
                enableNotifications();
                if (closed) {
                    opened.close();
                }
                return;
            } catch (RedisException e) {
                if (opened != null) {
                    opened.close();
                }
                sleep();
            }
        }
    }

    private void enableNotifications() {
        try {
            String current = commands.sync().configGet("notify-keyspace-events").getOrDefault("notify-keyspace-events", "");
            String wanted = union(current, NEEDED_FLAGS);
            if (!wanted.equals(current)) {
                commands.sync().configSet("notify-keyspace-events", wanted);
            }
            observing = true;
        } catch (RedisException e) {
            observing = false;
            LOG.warning(() -> "redis keyspace notifications unavailable, expired and evicted entries are not counted: "
                    + e.getMessage());
        }
    }

    /** {@code current} with every flag of {@code needed} it lacks; Redis accepts flags in any order. */
    static String union(String current, String needed) {
        StringBuilder flags = new StringBuilder(current);
        for (char flag : needed.toCharArray()) {
            // "A" stands for every event type, "x" and "e" included.
            boolean covered = current.indexOf(flag) >= 0 || (flag != 'E' && flag != 'K' && current.indexOf('A') >= 0);
            if (!covered) {
                flags.append(flag);
            }
        }
        return flags.toString();
    }

    private void sleep() {
        try {
            Thread.sleep(retryInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        observing = false;
        StatefulRedisPubSubConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
    }
}
