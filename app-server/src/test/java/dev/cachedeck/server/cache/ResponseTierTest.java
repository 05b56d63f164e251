package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.api.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseTierTest {
    private CacheDeckServer server;
    private ApiClient api;
    private Fixtures fixtures;
    private RedisProbe redis;
    private TestRedis backend;

    @BeforeAll
    void start() {
        backend = backend();
        server = backend.start();
        api = new ApiClient(server.baseUri());
        fixtures = new Fixtures(server);
        redis = backend.probe(server);
    }

    @AfterAll
    void stop() {
        redis.close();
        server.close();
        backend.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same tests on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    @Test
    void parameterOrderDefaultsAndTrailingSlashShareOneKey() {
        assertEquals("api=MISS", api.get("/api/reviews/13?size=5&filter=recent").header("X-Cache").substring(0, 8));
        assertEquals("api=HIT", api.get("/api/reviews/13?filter=recent&size=5&page=0").header("X-Cache"));
        api.get("/api/ratings/reviewer_13/");
        assertEquals("api=HIT", api.get("/api/ratings/reviewer_13?size=20").header("X-Cache"));
        assertEquals(1, redis.keys("cd:api:reviews:/api/reviews/13*").size());
    }

    @Test
    void cachedResponsesCarryAnEtagAndAnswerIfNoneMatchWith304() {
        api.get("/api/get-profile/14");
        Reply hit = api.get("/api/get-profile/14");
        String etag = hit.header("ETag");
        assertNotNull(etag);
        assertEquals("no-cache", hit.header("Cache-Control"));
        Reply notModified = api.send(api.request("/api/get-profile/14", null).header("If-None-Match", etag).GET().build());
        assertEquals(304, notModified.status());
        assertEquals("", notModified.raw().body());
    }

    @Test
    void privateResponsesAreKeyedPerCallerAndNeverCross() {
        String owner = fixtures.tokenOf(15);
        api.get("/api/users/15/payments", owner);
        assertEquals("api=HIT", api.get("/api/users/15/payments", owner).header("X-Cache"));
        assertEquals(403, api.get("/api/users/15/payments", fixtures.tokenOf(16)).status());
        assertEquals(401, api.get("/api/users/15/payments").status());
        Reply admin = api.get("/api/users/15/payments", TestServers.ADMIN_TOKEN);
        assertTrue(admin.header("X-Cache").startsWith("api=MISS"), "the admin has an entry of its own");
        assertEquals("private, no-cache", admin.header("Cache-Control"));
        assertEquals(2, redis.keys("cd:api:payments:/api/users/15/payments*").size());
    }

    @Test
    void onlySuccessfulResponsesAreCachedButMissingUsersAreCachedInTheModelTier() {
        api.get("/api/get-profile/999999");
        Reply again = api.get("/api/get-profile/999999");
        assertEquals(404, again.status());
        assertEquals("api=MISS, model=HIT", again.header("X-Cache"), "the 404 is not a response entry; the absence is a model entry");
        assertEquals("0", again.header("X-DB-Queries"));
    }

    @Test
    void emptyResultsAreCached() {
        long quiet = fixtures.count("SELECT MIN(id) FROM users u WHERE NOT EXISTS (SELECT 1 FROM reviews r WHERE r.reviewer_id = u.id)");
        server.cache().toggles().setTierEnabled(dev.cachedeck.model.Tier.RESPONSE, false);
        try {
            api.get("/api/ratings/reviewer_" + quiet + "/");
            Reply again = api.get("/api/ratings/reviewer_" + quiet + "/");
            assertEquals(0, again.json().at("/page/total").asLong());
            assertEquals("0", again.header("X-DB-Queries"), "the empty count came from the query tier");
        } finally {
            server.cache().toggles().setTierEnabled(dev.cachedeck.model.Tier.RESPONSE, true);
        }
    }

    @Test
    void tierToggleChangesXCacheOnTheNextRequest() {
        api.get("/api/jobs/2");
        assertEquals("api=HIT", api.get("/api/jobs/2").header("X-Cache"));
        Reply off = api.put("/admin/cache/tiers/response", TestServers.ADMIN_TOKEN, "{\"enabled\":false}");
        assertEquals(200, off.status(), off.raw().body());
        try {
            assertEquals("api=BYPASS, query=HIT, model=HIT", api.get("/api/jobs/2").header("X-Cache"));
        } finally {
            api.put("/admin/cache/tiers/response", TestServers.ADMIN_TOKEN, "{\"enabled\":true}");
        }
        assertEquals(400, api.put("/admin/cache/tiers/bogus", TestServers.ADMIN_TOKEN, "{\"enabled\":true}").status());
        assertEquals(401, api.put("/admin/cache/tiers/response", null, "{\"enabled\":true}").status());
    }
}
