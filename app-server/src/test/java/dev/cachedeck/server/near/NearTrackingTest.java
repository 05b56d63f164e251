package dev.cachedeck.server.near;

import static dev.cachedeck.server.near.NearFixture.PREFIX;
import static dev.cachedeck.server.near.NearFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.KillArgs;
import org.junit.jupiter.api.Test;

class NearTrackingTest {

    @Test
    void anInvalidationPushRemovesTheEntry() {
        try (NearFixture fixture = new NearFixture()) {
            String key = PREFIX + "profile:/api/get-profile/1";
            fixture.set(key, "v1");
            fixture.settle();
            assertEquals("v1", fixture.readThrough(key));
            assertTrue(fixture.near.holds(key));

            fixture.set(key, "v2");

            await(() -> !fixture.near.holds(key), "the push to remove " + key);
            assertEquals("v2", fixture.readThrough(key));
            assertEquals(1, fixture.near.stats().invalidated());
        }
    }

    @Test
    void onlyEntryPrefixesAreTracked() {
        try (NearFixture fixture = new NearFixture()) {
            fixture.redis().sadd("cd:t:user:1", PREFIX + "x");
            fixture.redis().incr("cd:seq");
            fixture.set(PREFIX + "fence", "1");

            fixture.settle();
            assertEquals(1, fixture.near.stats().pushedKeys(), "tag sets and the sequence are not entries");
        }
    }

    @Test
    void flushAllClearsTheWholeTier() {
        try (NearFixture fixture = new NearFixture()) {
            for (int i = 0; i < 3; i++) {
                fixture.set(PREFIX + i, "v");
            }
            fixture.settle();
            for (int i = 0; i < 3; i++) {
                fixture.readThrough(PREFIX + i);
            }
            assertTrue(fixture.near.holds(PREFIX + 2));

            fixture.redis().flushall();

            await(() -> fixture.near.stats().clears().get(ClearCause.REDIS_FLUSH) == 1, "the flush push");
            for (int i = 0; i < 3; i++) {
                assertFalse(fixture.near.holds(PREFIX + i));
            }
        }
    }

    @Test
    void aDroppedTrackingConnectionClearsStopsFillingAndReconnectTracksAgain() {
        try (NearFixture fixture = new NearFixture()) {
            String key = PREFIX + "job:/api/jobs/7";
            fixture.set(key, "before");
            fixture.settle();
            fixture.readThrough(key);
            assertTrue(fixture.near.holds(key));

            fixture.redis.stop();

            await(() -> fixture.near.stats().clears().get(ClearCause.TRACKING_LOST) >= 1, "the drop to be seen");
            assertFalse(fixture.near.holds(key));
            assertFalse(fixture.near.filling());
            assertNull(fixture.near.startFill(key), "no fill while untracked");

            fixture.redis.restart();

            await(fixture.near::filling, "tracking to come back");
            fixture.set(key, "after");
            fixture.settle();
            assertEquals("after", fixture.readThrough(key));
            assertTrue(fixture.near.holds(key));
            fixture.redis().set(key, "later");
            await(() -> !fixture.near.holds(key), "a push on the new connection");
        }
    }

    @Test
    void aKilledTrackingConnectionIsTrackedAgainAfterLettuceReconnects() {
        try (NearFixture fixture = new NearFixture()) {
            String key = PREFIX + "reviews:/api/reviews/3";
            fixture.set(key, "v1");
            fixture.settle();
            fixture.readThrough(key);

            // SKIPME: the test's own connection stays; the tracking one (and any other) is dropped.
            fixture.redis().clientKill(KillArgs.Builder.typeNormal().skipme());

            await(() -> fixture.near.stats().clears().get(ClearCause.TRACKING_LOST) >= 1, "the drop to be seen");
            await(() -> fixture.near.stats().clears().get(ClearCause.TRACKING_RESTORED) >= 2, "tracking again");
            assertFalse(fixture.near.holds(key));
            assertEquals("v1", fixture.readThrough(key));
            assertTrue(fixture.near.holds(key));
            fixture.set(key, "v2");
            await(() -> !fixture.near.holds(key), "a push after the reconnect");
        }
    }
}
