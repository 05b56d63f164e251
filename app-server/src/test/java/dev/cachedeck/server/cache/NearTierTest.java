package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.Tier;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The near tier through the API: a Redis hit fills it, the next request is answered from it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NearTierTest {
    private CacheDeckServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        server = TestServers.start();
        api = new ApiClient(server.baseUri());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.cache().near().filling() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theRequestAfterARedisHitIsAnsweredInProcessWithTheSameBodyAndEtag() {
        Reply miss = api.get("/api/jobs/3");
        Reply redisHit = first("/api/jobs/3", "api=HIT");
        Reply nearHit = first("/api/jobs/3", "near=HIT");

        assertEquals("api=MISS", miss.header("X-Cache").split(",")[0]);
        assertEquals("api=HIT", redisHit.header("X-Cache"));
        assertEquals("near=HIT", nearHit.header("X-Cache"));
        assertEquals(redisHit.raw().body(), nearHit.raw().body());
        assertEquals(redisHit.header("ETag"), nearHit.header("ETag"));
        assertEquals("0", nearHit.header("X-DB-Queries"));
        Reply unchanged = api.send(api.request("/api/jobs/3", null).header("If-None-Match", nearHit.header("ETag"))
                .GET().build());
        assertEquals(304, unchanged.status());
        assertEquals("near=HIT", unchanged.header("X-Cache"));
        assertTrue(server.cache().counters().total(Tier.NEAR).hits() >= 2);
    }

    /**
     * The first answer on {@code path} whose X-Cache is {@code xCache}. On a loaded machine the tiers fill a request
     * or two late: a miss stores its answer after sending it, so the next request can miss too, and the Redis push
     * for that store can arrive after the next Redis hit filled the near tier, and empty it again.
     */
    private Reply first(String path, String xCache) {
        return api.getUntil(path, null, reply -> xCache.equals(reply.header("X-Cache")));
    }

    @Test
    void theKeyDetailSaysWhetherThisInstanceHoldsTheEntryNear() {
        String key = "cd:api:profile:/api/get-profile/12";
        String detailPath = "/admin/keys/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        api.get("/api/get-profile/12");
        assertFalse(api.get(detailPath, TestServers.ADMIN_TOKEN).json().get("heldNear").asBoolean());

        first("/api/get-profile/12", "near=HIT");

        assertTrue(api.get(detailPath, TestServers.ADMIN_TOKEN).json().get("heldNear").asBoolean());
    }

    @Test
    void theCacheStatusCarriesTheNearTiersFiguresAndLimits() {
        api.get("/api/jobs/5");
        first("/api/jobs/5", "near=HIT");

        JsonNode near = api.get("/admin/cache", TestServers.ADMIN_TOKEN).json().get("near");

        assertTrue(near.get("size").asLong() >= 1, near.toString());
        assertEquals(server.cache().near().settings().maxEntries(), near.get("maxEntries").asLong());
        assertEquals(server.cache().near().settings().maxBytes(), near.get("maxBytes").asLong());
        assertEquals(server.cache().near().settings().localTtl().toMillis(), near.get("localTtlMillis").asLong());
    }

    @Test
    void switchedOffTheNearTierIsNotAsked() {
        api.get("/api/jobs/4");
        first("/api/jobs/4", "api=HIT");
        server.cache().toggles().setTierEnabled(Tier.NEAR, false);
        try {
            assertEquals("api=HIT", api.get("/api/jobs/4").header("X-Cache"));
            assertEquals("api=HIT", api.get("/api/jobs/4").header("X-Cache"));
        } finally {
            server.cache().toggles().setTierEnabled(Tier.NEAR, true);
        }
    }
}
