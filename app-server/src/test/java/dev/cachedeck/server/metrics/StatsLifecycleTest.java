package dev.cachedeck.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stats when Redis is gone, and a live stream when the server stops. */
class StatsLifecycleTest {

    @Test
    void redisDownStillServesStatsWithRedisNull() throws Exception {
        try (CacheDeckServer server = TestServers.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            api.get("/api/get-profile/5");
            // The profile's entries are in Redis once a tick after the request has read INFO.
            StatsSnapshot up = awaitSnapshot(api, snapshot -> snapshot.redis() != null && snapshot.redis().keys() > 0);
            assertTrue(up.redis().usedMemoryBytes() > 0);
            assertTrue(up.redis().connectedClients() >= 1);

            server.embeddedRedis().orElseThrow().stop();
            assertEquals(200, api.get("/api/get-profile/6").status());
            StatsSnapshot down = awaitSnapshot(api, snapshot -> snapshot.redis() == null);
            awaitSnapshot(api, snapshot -> snapshot.series().stream().flatMap(t -> t.markers().stream())
                    .anyMatch(marker -> marker.kind().equals(MarkerLog.OUTAGE)
                            && marker.label().startsWith("redis circuit open")));
            long downSecond = down.takenAt().getEpochSecond();
            StatsSnapshot later = awaitSnapshot(api, snapshot -> !snapshot.series().isEmpty()
                    && snapshot.series().getLast().second() > downSecond);
            StatsTick tick = later.series().getLast();
            assertNull(tick.redis(), "no Redis figures while Redis is down");
            assertNull(later.redis());
            assertEquals(2, later.requests());

            try (SseClient stream = new SseClient(HttpClient.newHttpClient(), server.baseUri(), null)) {
                List<SseClient.Event> events = stream.next(1);
                assertEquals(1, events.size());
                assertTrue(events.getFirst().data().contains("\"redis\":null"), events.getFirst().data());
            }
        }
    }

    @Test
    void openStreamsEndWhenTheServerStops() throws Exception {
        CacheDeckServer server = TestServers.start();
        SseClient stream = new SseClient(HttpClient.newHttpClient(), server.baseUri(), null);
        assertEquals(1, stream.next(1).size());
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(stream::ended);

        long start = System.nanoTime();
        server.close();
        Duration stopping = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(ended.get(5, TimeUnit.SECONDS), "the stream reached its end");
        assertTrue(stopping.compareTo(Duration.ofSeconds(4)) < 0,
                "stopping did not wait out the grace period: " + stopping.toMillis() + " ms");
        stream.close();
    }

    private interface Condition {
        boolean holds(StatsSnapshot snapshot);
    }

    private static StatsSnapshot awaitSnapshot(ApiClient api, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        StatsSnapshot last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = api.get("/admin/stats", TestServers.ADMIN_TOKEN);
            assertEquals(200, reply.status(), reply.raw().body());
            last = CacheDeckJson.newMapper().readValue(reply.raw().body(), StatsSnapshot.class);
            if (condition.holds(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        assertNotNull(last);
        throw new AssertionError("condition never held; last snapshot " + last);
    }
}
