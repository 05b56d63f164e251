package dev.cachedeck.server.near;

import static dev.cachedeck.server.near.NearFixture.PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The read-versus-invalidation race of the near tier, through real pushes from a real Redis. */
class NearFillRaceTest {
    private static final int ROUNDS = 200;

    /**
     * Two readers fill one key around a write (the ABA interleaving): A claims and reads the old value, the
     * write's push removes A's claim, B claims, A completes. With one fill object per reader A's completion
     * fails; with one shared "pending" marker (modelled beside it on a plain map) it succeeds and the old
     * value stays although Redis moved on.
     */
    @Test
    void oneFillPerReaderLeavesNothingStaleWhereASharedMarkerWould() {
        try (NearFixture fixture = new NearFixture()) {
            String key = PREFIX + "profile:/api/get-profile/9";
            fixture.set(key, "old");
            fixture.settle();
            Map<String, Object> markerTier = new ConcurrentHashMap<>();
            Object pending = new Object();

            NearCache.Fill fillA = fixture.near.startFill(key);
            markerTier.put(key, pending);
            String readByA = fixture.redis().get(key);

            fixture.set(key, "new");
            fixture.settle();
            markerTier.remove(key);

            NearCache.Fill fillB = fixture.near.startFill(key);
            markerTier.put(key, pending);
            fixture.near.complete(key, fillA, readByA, readByA.length());
            markerTier.replace(key, pending, readByA);

            assertEquals("old", markerTier.get(key), "a shared marker lets A's old value in");
            assertNull(fixture.near.get(key), "A's fill was removed, so its old value is not stored");
            String readByB = fixture.redis().get(key);
            fixture.near.complete(key, fillB, readByB, readByB.length());
            assertEquals("new", fixture.near.get(key));
        }
    }

    @Test
    void readersRacingAWriterNeverLeaveAStaleValueBehind() throws InterruptedException {
        try (NearFixture fixture = new NearFixture()) {
            String key = PREFIX + "job:/api/jobs/1";
            fixture.set(key, "0");
            int stuck = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                String latest = Integer.toString(round);
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(Thread.ofPlatform().start(() -> {
                        awaitQuietly(go);
                        for (int i = 0; i < 20; i++) {
                            fixture.readThrough(key);
                        }
                    }));
                }
                go.countDown();
                fixture.set(key, latest);
                for (Thread reader : readers) {
                    reader.join();
                }
                fixture.settle();
                Object held = fixture.near.get(key);
                if (held != null && !held.equals(latest)) {
                    stuck++;
                }
            }
            assertEquals(0, stuck, "rounds that left an old value in the near tier, of " + ROUNDS);
            assertNotEquals(0, fixture.near.stats().invalidated(), "the readers did fill between writes");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
