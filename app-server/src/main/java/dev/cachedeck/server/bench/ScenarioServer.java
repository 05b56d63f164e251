package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.Population;
import java.time.Duration;

/**
 * The server a scenario runs against, as the scenario sees it: the population it draws requests from and the
 * switches it flips between phases. The scenario's load never goes through here, only through the public
 * routes. {@link ScenarioControls} is the server's own view (a scenario run inside the server),
 * {@link AdminApiServer} the same over the admin API (the {@code bench} command's own process), and
 * {@link FleetAdminServer} over the admin API of every instance sharing the server's Redis.
 */
interface ScenarioServer {

    /** The settings a scenario starts from, to put back when it ends. */
    record Saved(boolean cacheEnabled, Duration dbDelay) {
    }

    Population population();

    Saved save();

    void restore(Saved saved);

    void setDbDelay(Duration delay);

    void setCacheEnabled(boolean enabled);

    /** Removes every key under the application's prefix. */
    void flushCache();

    /**
     * Makes Redis unresponsive for {@code length} with {@code CLIENT PAUSE}: it works the same on the embedded
     * and an external Redis, and ends by itself, so nothing is left broken if the scenario is stopped.
     */
    void pauseRedis(Duration length);

    /** After an outage the circuit recovers on its own (flushing what may be stale); wait for it. */
    boolean awaitCacheRecovered(Duration limit) throws InterruptedException;

    /** A phase change, for the live charts. */
    void mark(String label);
}
