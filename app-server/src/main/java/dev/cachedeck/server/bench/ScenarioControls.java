package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.Population;
import dev.cachedeck.server.cache.CacheEngine;
import dev.cachedeck.server.cache.RedisGuard;
import dev.cachedeck.server.metrics.MarkerLog;
import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.store.SimulatedDelay;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** The server's own switches for a scenario, used directly by one run inside it and through the admin API. */
public final class ScenarioControls implements ScenarioServer {
    private static final Logger LOG = Logger.getLogger(ScenarioControls.class.getName());

    private final CacheEngine cache;
    private final SimulatedDelay dbDelay;
    private final RedisAccess redis;
    private final MarkerLog markers;
    private final Supplier<Population> population;

    /** {@code population} reads the ids from the database; it is called once per scenario. */
    public ScenarioControls(CacheEngine cache, SimulatedDelay dbDelay, RedisAccess redis,
                            MarkerLog markers, Supplier<Population> population) {
        this.cache = cache;
        this.dbDelay = dbDelay;
        this.redis = redis;
        this.markers = markers;
        this.population = population;
    }

    @Override
    public Population population() {
        return population.get();
    }

    @Override
    public Saved save() {
        return new Saved(cache.toggles().cacheEnabled(), dbDelay.current());
    }

    @Override
    public void restore(Saved saved) {
        cache.toggles().setCacheEnabled(saved.cacheEnabled());
        dbDelay.set(saved.dbDelay());
    }

    @Override
    public void setDbDelay(Duration delay) {
        dbDelay.set(delay);
    }

    Duration dbDelay() {
        return dbDelay.current();
    }

    @Override
    public void setCacheEnabled(boolean enabled) {
        cache.toggles().setCacheEnabled(enabled);
    }

    @Override
    public void flushCache() {
        long flushed = cache.guard().flushApplicationKeys();
        LOG.info(() -> "bench cache flushed keys=" + flushed);
    }

    /** On a cluster every master is paused. */
    @Override
    public void pauseRedis(Duration length) {
        redis.masters().forEach(master -> master.sync().clientPause(length.toMillis()));
    }

    @Override
    public boolean awaitCacheRecovered(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (cache.guard().state() != RedisGuard.State.CLOSED) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void mark(String label) {
        markers.record(MarkerLog.PHASE, label);
    }
}
