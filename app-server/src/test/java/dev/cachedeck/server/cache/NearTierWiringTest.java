package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.near.ClearCause;
import dev.cachedeck.server.near.NearCache;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What keeps the near tier from serving old copies besides Redis's pushes. This harness runs no tracking
 * connection, so the near tier is switched on by hand and a push never comes: each removal seen here is the
 * engine's own doing.
 */
class NearTierWiringTest {
    private final CacheHarness cache = new CacheHarness();
    private final NearCache near = cache.engine.near();
    private final CachedRead<String> read = CachedRead.of(Tier.QUERY, "test:near:1", DataType.PROFILE,
            String.class, Set.of("user:1"));
    private final String key = cache.engine.keys().entry(Tier.QUERY, "test:near:1");

    @AfterEach
    void close() {
        cache.close();
    }

    private void holdNear(String key) {
        near.resume(NearCache.Hold.TRACKING, near.epoch(NearCache.Hold.TRACKING));
        NearCache.Fill fill = near.startFill(key);
        assertTrue(near.complete(key, fill, "copy", 4));
    }

    @Test
    void aWriteDropsTheNearCopiesOfWhatItsSweepRemovedBeforeItReturns() {
        cache.engine.fetch(read, () -> "v1");
        holdNear(key);

        cache.invalidator().invalidate(Set.of("user:1"), "test", "test");

        assertFalse(near.holds(key), "read-your-writes on this instance must not wait for the push");
        assertEquals(1, near.stats().invalidated());
    }

    @Test
    void aLostInvalidationEmptiesTheNearTierAndStopsItFillingUntilTheBreakerCloses() throws Exception {
        holdNear(key);

        cache.engine.guard().invalidationLost("test");

        assertFalse(near.holds(key));
        assertFalse(near.filling());
        assertEquals(1, near.stats().clears().get(ClearCause.BREAKER_OPEN));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cache.engine.guard().state() != RedisGuard.State.CLOSED && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(near.filling(), "filling again once Redis was flushed and the breaker closed");
    }

    @Test
    void switchingATierOrFlushingTheCacheEmptiesTheNearTier() {
        holdNear(key);
        cache.engine.toggles().setTierEnabled(Tier.MODEL, false);
        assertFalse(near.holds(key));
        assertEquals(1, near.stats().clears().get(ClearCause.TIER_TOGGLE));

        holdNear(key);
        cache.engine.guard().flushApplicationKeys();
        assertFalse(near.holds(key));
        assertEquals(1, near.stats().clears().get(ClearCause.PURGE));
    }
}
