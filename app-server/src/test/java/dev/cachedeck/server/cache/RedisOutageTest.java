package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redis slow or gone: every request still answers from the database, and nothing stale is served afterwards. */
class RedisOutageTest {
    private static final List<String> READS = List.of("/api/get-profile/3", "/api/reviews/3?filter=recent",
            "/api/ratings/reviewer_3/", "/api/clientjobs/1", "/api/jobs/1");

    @Test
    void redisStoppedServesEveryRequestFromTheDatabaseWithBoundedLatency() {
        try (CacheDeckServer server = TestServers.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            READS.forEach(api::get);
            EmbeddedRedis redis = server.embeddedRedis().orElseThrow();
            redis.stop();

            long slowestNanos = 0;
            for (int round = 0; round < 20; round++) {
                for (String path : READS) {
                    long start = System.nanoTime();
                    Reply reply = api.get(path);
                    slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                    assertEquals(200, reply.status(), path + " " + reply.raw().body());
                }
            }
            assertEquals(RedisGuard.State.OPEN, server.cache().guard().state());
            assertTrue(Duration.ofNanos(slowestNanos).compareTo(Duration.ofSeconds(2)) < 0,
                    "bounded by the command timeout, slowest " + Duration.ofNanos(slowestNanos).toMillis() + " ms");
            assertTrue(api.get(READS.getFirst()).header("X-Cache").startsWith("api=BYPASS"));

            redis.restart();
            TestServers.awaitBreakerClosed(server);
            api.get(READS.getFirst());
            assertEquals("api=HIT", api.get(READS.getFirst()).header("X-Cache"), "caching resumes by itself");
        }
    }

    @Test
    void entriesThatMissedAnInvalidationDuringAnOutageAreNeverServed() {
        try (CacheDeckServer server = TestServers.start();
             RedisProbe probe = new RedisProbe(server.embeddedRedis().orElseThrow().url())) {
            ApiClient api = new ApiClient(server.baseUri());
            api.get("/api/get-profile/4");
            assertEquals("api=HIT", api.get("/api/get-profile/4").header("X-Cache"));

            // Redis stops answering but keeps its data, so the old profile would still be there afterwards.
            probe.redis().clientPause(1500);
            Reply renamed = api.put("/api/profiles/4", TestServers.ADMIN_TOKEN, "{\"displayName\":\"Renamed During Outage\"}");
            assertEquals(200, renamed.status(), renamed.raw().body());
            assertEquals("Renamed During Outage", api.get("/api/get-profile/4").json().get("displayName").asText());

            TestServers.awaitBreakerClosed(server);
            assertTrue(server.cache().guard().flushedKeys() > 0, "the application's keys were flushed on recovery");
            assertEquals("Renamed During Outage", api.get("/api/get-profile/4").json().get("displayName").asText());
        }
    }
}
