package dev.cachedeck.server.bench;

import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.store.SimulatedDelay;
import java.time.Duration;

/** What a scenario changes on the server between phases; each change is undone by {@link #restore}. */
public final class ScenarioControls {
    private final CacheEngine cache;
    private final SimulatedDelay dbDelay;
    private final RedisAccess redis;

    public ScenarioControls(CacheEngine cache, SimulatedDelay dbDelay, RedisAccess redis) {
        this.cache = cache;
        this.dbDelay = dbDelay;
        this.redis = redis;
    }

    /** The settings a scenario starts from, to put back when it ends. */
    record Saved(boolean cacheEnabled, Duration dbDelay) {
    }

    Saved save() {
        return new Saved(cache.toggles().cacheEnabled(), dbDelay.current());
    }

    void restore(Saved saved) {
        cache.toggles().setCacheEnabled(saved.cacheEnabled());
        dbDelay.set(saved.dbDelay());
    }

    void setDbDelay(Duration delay) {
        dbDelay.set(delay);
    }

    Duration dbDelay() {
        return dbDelay.current();
    }

    void setCacheEnabled(boolean enabled) {
        cache.toggles().setCacheEnabled(enabled);
    }

    long flushCache() {
        return cache.guard().flushApplicationKeys();
    }

    /**
     * Makes Redis unresponsive for {@code length} with {@code CLIENT PAUSE}: it works the same on the embedded
     * and an external Redis, and ends by itself, so nothing is left broken if the scenario is stopped. On a
     * cluster every master is paused.
     */
    void pauseRedis(Duration length) {
        redis.masters().forEach(master -> master.sync().clientPause(length.toMillis()));
    }

    /** After an outage the circuit recovers on its own (flushing what may be stale); wait for it. */
    boolean awaitCacheRecovered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (cache.guard().state() != RedisGuard.State.CLOSED) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
