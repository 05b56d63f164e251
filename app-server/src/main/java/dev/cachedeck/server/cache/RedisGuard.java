package dev.cachedeck.server.cache;

import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import dev.cachedeck.server.near.ClearCause;
import dev.cachedeck.server.near.NearCache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A circuit breaker around every Redis call. After {@code failureThreshold} consecutive failures,
 * or at once when an invalidation could not be applied, it opens: calls fail fast and requests go
 * to the database. A background probe pings Redis; when it answers, the application's keys are
 * flushed before the breaker closes, because while it was open writes could not invalidate, so
 * anything cached before may be stale (and Redis may have restarted with an older copy).
 */
public final class RedisGuard implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisGuard.class.getName());
    private static final int FLUSH_BATCH = 500;

    /** CLOSED: Redis in use. OPEN: skipped, probing. RECOVERING: answering again, app keys being flushed. */
    public enum State { CLOSED, OPEN, RECOVERING }

    private final StatefulRedisConnection<String, byte[]> connection;
    private final CacheKeys keys;
    private final int failureThreshold;
    private final Duration probeInterval;
    private final Consumer<String> circuitChanges;
    private final NearCache near;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final LongAdder flushedKeys = new LongAdder();
    private volatile boolean closed;

    /** {@code circuitChanges} is told, in words, each time the breaker opens or closes again. */
    public RedisGuard(StatefulRedisConnection<String, byte[]> connection, CacheKeys keys, int failureThreshold,
                      Duration probeInterval, Consumer<String> circuitChanges, NearCache near) {
        this.near = near;
        this.connection = connection;
        this.keys = keys;
        this.failureThreshold = failureThreshold;
        this.probeInterval = probeInterval;
        this.circuitChanges = circuitChanges;
    }

    /** Runs one Redis operation, or throws {@link CacheUnavailableException} without touching Redis while open. */
    public <T> T run(Function<StatefulRedisConnection<String, byte[]>, T> operation) {
        if (state.get() != State.CLOSED) {
            throw new CacheUnavailableException("redis circuit " + state.get(), null);
        }
        try {
            T result = operation.apply(connection);
            consecutiveFailures.set(0);
            return result;
        } catch (CacheUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
                open("failures=" + consecutiveFailures.get() + " last=" + e.getClass().getSimpleName());
            }
            throw new CacheUnavailableException("redis call failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** An invalidation did not reach Redis: nothing cached can be trusted until a flush. */
    public void invalidationLost(String reason) {
        open("invalidation lost: " + reason);
    }

    public State state() {
        return state.get();
    }

    public long flushedKeys() {
        return flushedKeys.sum();
    }

    private void open(String reason) {
        if (state.compareAndSet(State.CLOSED, State.OPEN)) {
            // Before anything else: a write that lost its invalidation must not be answered while this instance
            // still holds near copies that no push will ever remove.
            near.suspend(NearCache.Hold.BREAKER, ClearCause.BREAKER_OPEN);
            LOG.warning("redis circuit opened reason=\"" + reason + "\"");
            circuitChanges.accept("redis circuit open: " + reason);
            Thread.ofVirtual().name("redis-recovery").start(this::recover);
        }
    }

    private void recover() {
        while (!closed) {
            try {
                Thread.sleep(probeInterval);
                connection.sync().ping();
                state.set(State.RECOVERING);
                long removed = flushApplicationKeys();
                consecutiveFailures.set(0);
                state.set(State.CLOSED);
                near.resume(NearCache.Hold.BREAKER, near.epoch(NearCache.Hold.BREAKER));
                LOG.info("redis circuit closed flushed_keys=" + removed);
                circuitChanges.accept("redis circuit closed, " + removed + " keys flushed");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                state.set(State.OPEN);
            }
        }
    }

    /**
     * Removes every application key, keeping the sequence and the epoch: SCAN + per-key UNLINK (never KEYS; single-key
     * commands stay valid on a cluster). Recovery uses it, and so does {@code DELETE /admin/cache/entries}.
     */
    public long flushApplicationKeys() {
        RedisCommands<String, byte[]> redis = connection.sync();
        RedisAsyncCommands<String, byte[]> pipeline = connection.async();
        ScanArgs args = ScanArgs.Builder.matches(keys.everything()).limit(FLUSH_BATCH);
        long removed = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, args);
            List<RedisFuture<Long>> unlinks = page.getKeys().stream()
                    .filter(key -> !key.equals(keys.sequence()) && !key.equals(keys.epoch()))
                    .map(pipeline::unlink)
                    .toList();
            for (RedisFuture<Long> unlink : unlinks) {
                removed += Futures.await(unlink);
            }
            cursor = page;
        } while (!cursor.isFinished());
        flushedKeys.add(removed);
        near.clear(ClearCause.PURGE);
        return removed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
