package dev.cachedeck.server.cache;

import dev.cachedeck.server.near.ClearCause;
import dev.cachedeck.server.near.NearCache;
import dev.cachedeck.server.redis.CacheUnavailableException;
import dev.cachedeck.server.redis.Futures;
import dev.cachedeck.server.redis.RedisRefusal;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisNode;
import io.lettuce.core.RedisException;
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
 *
 * <p>On a Redis Cluster the probe asks every master and wants every slot served, and the flush visits
 * every master. A failover is an outage too ({@link #invalidationLost}): replication is asynchronous,
 * so the promoted replica may lack the last invalidations its master acknowledged.
 */
public final class RedisGuard implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RedisGuard.class.getName());
    private static final int FLUSH_BATCH = 500;

    /** CLOSED: Redis in use. OPEN: skipped, probing. RECOVERING: answering again, app keys being flushed. */
    public enum State { CLOSED, OPEN, RECOVERING }

    private final RedisAccess connection;
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
    public RedisGuard(RedisAccess connection, CacheKeys keys, int failureThreshold,
                      Duration probeInterval, Consumer<String> circuitChanges, NearCache near) {
        this.near = near;
        this.connection = connection;
        this.keys = keys;
        this.failureThreshold = failureThreshold;
        this.probeInterval = probeInterval;
        this.circuitChanges = circuitChanges;
    }

    /** Runs one Redis operation, or throws {@link CacheUnavailableException} without touching Redis while open. */
    public <T> T run(Function<RedisAccess, T> operation) {
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
            if (RedisRefusal.isRefusal(e)) {
                // Redis answered: this command was wrong for the data (WRONGTYPE...), Redis itself is fine.
                throw new CacheUnavailableException("redis refused the command: " + RedisRefusal.explain(e), e);
            }
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
        } else if (state.compareAndSet(State.RECOVERING, State.OPEN)) {
            // The flush under way may have run against servers that are gone now: the recovery starts over.
            LOG.warning("redis circuit reopened during recovery reason=\"" + reason + "\"");
        }
    }

    private void recover() {
        while (!closed) {
            try {
                Thread.sleep(probeInterval);
                probeEveryMaster();
                state.set(State.RECOVERING);
                long removed = flushApplicationKeys();
                consecutiveFailures.set(0);
                // Read before closing: an opening after the close takes the hold again, and this release then fails.
                long nearHold = near.epoch(NearCache.Hold.BREAKER);
                if (state.compareAndSet(State.RECOVERING, State.CLOSED)) {
                    near.resume(NearCache.Hold.BREAKER, nearHold);
                    LOG.info("redis circuit closed flushed_keys=" + removed);
                    circuitChanges.accept("redis circuit closed, " + removed + " keys flushed");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                state.set(State.OPEN);
            }
        }
    }

    /** Every master answers and together they serve every slot; otherwise asks the cluster for its topology again. */
    private void probeEveryMaster() {
        try {
            List<RedisNode> masters = connection.masters();
            masters.forEach(master -> master.sync().ping());
            int served = masters.stream().mapToInt(RedisNode::slotCount).sum();
            if (served < RedisNode.SLOTS) {
                throw new RedisException("only " + served + " of " + RedisNode.SLOTS + " slots served");
            }
        } catch (RuntimeException e) {
            connection.refreshTopology();
            throw e;
        }
    }

    /**
     * Removes every application key on every master, keeping the sequence, the epoch and the instance
     * registrations: SCAN + per-key UNLINK (never KEYS; single-key commands stay valid on a cluster). Recovery
     * uses it, and so does {@code DELETE /admin/cache/entries}.
     */
    public long flushApplicationKeys() {
        long removed = 0;
        for (RedisNode master : connection.masters()) {
            removed += flush(master);
        }
        flushedKeys.add(removed);
        near.clear(ClearCause.PURGE);
        return removed;
    }

    private long flush(RedisNode master) {
        ScanArgs args = ScanArgs.Builder.matches(keys.everything()).limit(FLUSH_BATCH);
        long removed = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = master.sync().scan(cursor, args);
            // Unlinked through the routing connection: a slot that moves meanwhile is followed to its new owner.
            List<RedisFuture<Long>> unlinks = page.getKeys().stream()
                    .filter(key -> !keys.outlivesFlush(key))
                    .map(connection.async()::unlink)
                    .toList();
            for (RedisFuture<Long> unlink : unlinks) {
                removed += Futures.await(unlink);
            }
            cursor = page;
        } while (!cursor.isFinished());
        return removed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
