package dev.cachedeck.server.near;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NearMemoryTest {
    private static final int KEYS = 1_000_000;
    private static final int VALUE_BYTES = 512;
    private static final long MAX_ENTRIES = 20_000;
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** A million distinct 512-byte entries (about 500 MB unbounded) through a tier limited to 8 MB. */
    @Test
    void aMillionKeysStayWithinTheConfiguredLimitsAndEvictionsAreCounted() {
        NearCache near = new NearCache(new NearSettings(MAX_ENTRIES, MAX_BYTES, Duration.ofMinutes(1)));
        near.resume(NearCache.Hold.TRACKING, near.epoch(NearCache.Hold.TRACKING));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);

        for (int i = 0; i < KEYS; i++) {
            String key = "cd:api:profile:/api/get-profile/" + i;
            NearCache.Fill fill = near.startFill(key);
            near.complete(key, fill, new byte[VALUE_BYTES], VALUE_BYTES);
        }

        NearStats stats = near.stats();
        long grown = usedAfterGc(memory) - before;
        assertTrue(stats.size() <= MAX_ENTRIES, "entries " + stats.size());
        assertTrue(stats.bytes() <= MAX_BYTES, "bytes " + stats.bytes());
        assertEquals(KEYS - stats.size(), stats.evicted(), "every entry that left was counted");
        assertTrue(grown < 4 * MAX_BYTES, "heap grew by " + grown + " bytes");
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
