package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.redis.RedisConnection;
import dev.cachedeck.server.redis.RedisNode;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Watches what Redis removes by itself, from keyspace notifications: entries that expired at their
 * TTL and entries evicted under {@code maxmemory} are counted per tier. An evicted tag set or tag
 * version is worse than a miss: the entries registered under it can no longer be found by a write's
 * invalidation, so it is treated like a lost invalidation (the breaker opens and the application's
 * keys are flushed before Redis is used again).
 *
 * <p>Notifications are per server: on a Redis Cluster each master publishes only the events of its own
 * slots. So every master gets its own subscription and its own {@code CONFIG SET notify-keyspace-events}
 * (keeping whatever flags were already set), and both are set up again after every topology change or
 * reconnection, because a promoted replica or a restarted server has neither. A Redis that refuses
 * CONFIG (a managed service) leaves the counts at zero and {@link #observing()} false. Pub/sub delivers
 * at most once: events sent while a subscription was down are lost, which the breaker's flush after an
 * outage or failover covers.
 */
public final class KeyEventWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeyEventWatcher.class.getName());
    private static final String EXPIRED = "__keyevent@*__:expired";
    private static final String EVICTED = "__keyevent@*__:evicted";
    // E: keyevent channels, x: expired, e: evicted.
    private static final String NEEDED_FLAGS = "Exe";

    private final RedisConnection redis;
    private final CacheKeys keys;
    private final CacheCounters counters;
    private final RedisGuard guard;
    private final Duration retryInterval;
    // Keyed by the master's address; guarded by this.
    private final Map<String, StatefulRedisPubSubConnection<String, String>> subscriptions = new HashMap<>();
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private volatile boolean observing;
    private volatile boolean closed;

    public KeyEventWatcher(RedisConnection redis, CacheKeys keys, CacheCounters counters, RedisGuard guard,
                           Duration retryInterval) {
        this.redis = redis;
        this.keys = keys;
        this.counters = counters;
        this.guard = guard;
        this.retryInterval = retryInterval;
    }

    /**
     * Subscribes on every master in the background, and again after each topology change; the server does
     * not wait for it.
     */
    public void start() {
        redis.onChange(change -> watchEveryMaster());
        Thread.ofVirtual().name("redis-key-events").start(this::watchEveryMaster);
    }

    /** Whether notifications are enabled and subscribed to on every master, so the expired and evicted counts mean something. */
    public boolean observing() {
        return observing;
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

    private synchronized void watchEveryMaster() {
        if (closed) {
            return;
        }
        List<RedisNode> masters;
        try {
            masters = redis.masters();
        } catch (RedisException e) {
            observing = false;
            retryLater();
            return;
        }
        Set<String> addresses = masters.stream().map(RedisNode::address).collect(Collectors.toSet());
        subscriptions.keySet().removeIf(address -> {
            boolean gone = !addresses.contains(address);
            if (gone) {
                subscriptions.get(address).close();
            }
            return gone;
        });
        boolean everywhere = true;
        for (RedisNode master : masters) {
            try {
                if (!subscriptions.containsKey(master.address())) {
                    subscriptions.put(master.address(), subscribe(master));
                }
                everywhere &= enableNotifications(master);
            } catch (RedisException e) {
                everywhere = false;
                retryLater();
            }
        }
        observing = everywhere;
    }

    private StatefulRedisPubSubConnection<String, String> subscribe(RedisNode master) {
        StatefulRedisPubSubConnection<String, String> opened = redis.connectPubSub(master);
        try {
            opened.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String key) {
                    onEvent(channel, key);
                }
            });
            opened.sync().psubscribe(EXPIRED, EVICTED);
            return opened;
        } catch (RedisException e) {
            opened.close();
            throw e;
        }
    }

    /** False when the server refuses CONFIG; the subscription stays, in case another client enables the events. */
    private boolean enableNotifications(RedisNode master) {
        try {
            String current = master.sync().configGet("notify-keyspace-events").getOrDefault("notify-keyspace-events", "");
            String wanted = union(current, NEEDED_FLAGS);
            if (!wanted.equals(current)) {
                master.sync().configSet("notify-keyspace-events", wanted);
            }
            return true;
        } catch (RedisException e) {
            LOG.warning(() -> "redis keyspace notifications unavailable on " + master.address()
                    + ", expired and evicted entries are not counted: " + e.getMessage());
            return false;
        }
    }

    private void retryLater() {
        if (retryPending.compareAndSet(false, true)) {
            Thread.ofVirtual().name("redis-key-events-retry").start(() -> {
                try {
                    Thread.sleep(retryInterval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    retryPending.set(false);
                }
                watchEveryMaster();
            });
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

    @Override
    public synchronized void close() {
        closed = true;
        observing = false;
        subscriptions.values().forEach(StatefulRedisPubSubConnection::close);
        subscriptions.clear();
    }
}
