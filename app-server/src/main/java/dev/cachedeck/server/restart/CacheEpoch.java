package dev.cachedeck.server.restart;

import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Keeps a restarted server from serving Redis entries its database cannot vouch for. Redis may outlive the
 * server (an external one, shared by several instances), so at start it can hold entries of another database
 * (a fresh in-memory one, a deleted data directory) or entries the last run left stale (killed between a
 * commit and its invalidation). Redis records the epoch of the database its entries came from; the
 * application's keys are flushed when that epoch is not this database's, or when this instance's last run
 * did not stop cleanly. A clean restart on the same database keeps every entry, so restarting one instance
 * of a fleet does not empty the cache the others share.
 */
public final class CacheEpoch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CacheEpoch.class.getName());

    private final RedisGuard guard;
    private final RedisAccess connection;
    private final CacheKeys keys;
    private final Duration retryInterval;
    private volatile boolean closed;

    public CacheEpoch(RedisGuard guard, RedisAccess connection, CacheKeys keys,
                      Duration retryInterval) {
        this.guard = guard;
        this.connection = connection;
        this.keys = keys;
        this.retryInterval = retryInterval;
    }

    /**
     * Makes Redis hold only entries of this database before the first request. When Redis cannot be
     * reached, the breaker is opened (it flushes before Redis is used again) and the epoch is recorded later.
     */
    public void adopt(Jdbc database, RunMarker lastRun) {
        String databaseEpoch = new EpochTable(database).epoch();
        boolean uncleanStop = lastRun.lastRunEndedUncleanly();
        if (tryAdopt(databaseEpoch, uncleanStop)) {
            return;
        }
        LOG.warning("cache epoch not checked reason=redis-unreachable retryEvery=" + retryInterval);
        guard.invalidationLost("cache epoch unknown at start");
        Thread.ofVirtual().name("cache-epoch").start(() -> {
            try {
                do {
                    Thread.sleep(retryInterval);
                } while (!closed && !tryAdopt(databaseEpoch, uncleanStop));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private boolean tryAdopt(String databaseEpoch, boolean flushAnyway) {
        try {
            byte[] held = connection.sync().get(keys.epoch());
            String heldEpoch = held == null ? "none" : new String(held, StandardCharsets.UTF_8);
            if (!flushAnyway && heldEpoch.equals(databaseEpoch)) {
                LOG.info(() -> "cache epoch kept epoch=" + databaseEpoch);
                return true;
            }
            long removed = guard.flushApplicationKeys();
            connection.sync().set(keys.epoch(), databaseEpoch.getBytes(StandardCharsets.UTF_8));
            LOG.info(() -> "cache flushed at start reason=" + (flushAnyway ? "unclean-stop" : "epoch-changed")
                    + " redisEpoch=" + heldEpoch + " databaseEpoch=" + databaseEpoch + " removed=" + removed);
            return true;
        } catch (RuntimeException redisUnreachable) {
            return false;
        }
    }

    /** Stops trying to record the epoch (the server is stopping). */
    @Override
    public void close() {
        closed = true;
    }
}
