package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.api.Fixtures;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each write removes every dependent entry in every tier before it answers, and the next read is fresh. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidationTest {
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

    /**
     * Reads each path until it is cached in every tier it can be, this instance's near copy included (the miss
     * fills Redis, the next Redis hit fills the near tier), so the write that follows must reach all of them.
     */
    private void warm(String token, String... paths) {
        for (String path : paths) {
            // Time-bound, not a count: on a loaded machine the Redis push for a miss's own store can arrive late
            // and empty the near copy that the next Redis hit made, more than once. A read that fails ends it.
            Reply reply = api.getUntil(path, token,
                    answer -> answer.status() != 200 || "near=HIT".equals(answer.header("X-Cache")));
            assertEquals(200, reply.status(), path);
            assertEquals("near=HIT", reply.header("X-Cache"), path);
        }
    }

    private List<String> keysOfAllTiers(long userId) {
        List<String> keys = redis.keys("cd:*:*" + userId + "*");
        keys.removeIf(key -> key.startsWith("cd:t:") || key.startsWith("cd:v:"));
        return keys;
    }

    private static void assertGone(List<String> before, List<String> after, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(before.stream().anyMatch(k -> k.contains(fragment)), "warmed: " + fragment + " in " + before);
            assertFalse(after.stream().anyMatch(k -> k.contains(fragment)), "invalidated: " + fragment + " in " + after);
        }
    }

    @Test
    void newReviewRemovesBothListsAndBothProfilesInEveryTier() {
        long reviewer = 5;
        long reviewed = 6;
        String token = fixtures.tokenOf(reviewer);
        warm(null, "/api/reviews/" + reviewed, "/api/ratings/reviewer_" + reviewer + "/",
                "/api/get-profile/" + reviewed, "/api/get-profile/" + reviewer);
        List<String> before = redis.keys("cd:*");
        long receivedBefore = api.get("/api/get-profile/" + reviewed).json().at("/stats/reviewsReceived").asLong();

        Reply created = api.post("/api/reviews", token,
                "{\"reviewerId\":" + reviewer + ",\"reviewedId\":" + reviewed + ",\"rating\":4,\"text\":\"Solid.\"}");
        assertEquals(201, created.status(), created.raw().body());

        List<String> after = redis.keys("cd:*");
        assertGone(before, after,
                "cd:api:reviews:/api/reviews/" + reviewed + "?",
                "cd:api:ratings:/api/ratings/reviewer_" + reviewer + "/?",
                "cd:api:profile:/api/get-profile/" + reviewed,
                "cd:api:profile:/api/get-profile/" + reviewer,
                "cd:q:reviews:user:" + reviewed + ":",
                "cd:q:reviews:reviewer:" + reviewer + ":",
                "cd:q:stats:user:" + reviewed,
                "cd:q:stats:user:" + reviewer);
        assertEquals(receivedBefore + 1, api.get("/api/get-profile/" + reviewed).json().at("/stats/reviewsReceived").asLong());
        long id = created.json().get("id").asLong();
        assertEquals(id, api.get("/api/reviews/" + reviewed).json().at("/reviews/0/id").asLong(), "newest first, fresh");
    }

    @Test
    void markingReadAndDeletingAReviewInvalidateTheReviewedUsersLists() {
        long reviewer = 7;
        long reviewed = 8;
        Reply created = api.post("/api/reviews", fixtures.tokenOf(reviewer),
                "{\"reviewerId\":" + reviewer + ",\"reviewedId\":" + reviewed + ",\"rating\":2,\"text\":\"Late.\"}");
        long id = created.json().get("id").asLong();
        warm(null, "/api/reviews/" + reviewed + "?filter=unread");
        long unread = api.get("/api/reviews/" + reviewed + "?filter=unread").json().at("/page/total").asLong();

        assertEquals(200, api.patch("/api/reviews/" + id, fixtures.tokenOf(reviewed), "{\"read\":true}").status());
        assertEquals(unread - 1, api.get("/api/reviews/" + reviewed + "?filter=unread").json().at("/page/total").asLong());

        warm(null, "/api/reviews/" + reviewed);
        assertEquals(204, api.delete("/api/reviews/" + id, fixtures.tokenOf(reviewer)).status());
        assertFalse(api.get("/api/reviews/" + reviewed + "?size=100").json().get("reviews").findValues("id").stream()
                .anyMatch(node -> node.asLong() == id));
    }

    @Test
    void profileRenameReachesEveryListShowingTheName() {
        long renamed = 9;
        long reviewed = 10;
        api.post("/api/reviews", fixtures.tokenOf(renamed),
                "{\"reviewerId\":" + renamed + ",\"reviewedId\":" + reviewed + ",\"rating\":5,\"text\":\"Great.\"}");
        warm(null, "/api/reviews/" + reviewed, "/api/get-profile/" + renamed);

        Reply updated = api.put("/api/profiles/" + renamed, fixtures.tokenOf(renamed), "{\"displayName\":\"Renamed Nine\"}");
        assertEquals(200, updated.status());

        assertEquals("Renamed Nine", api.get("/api/get-profile/" + renamed).json().get("displayName").asText());
        String shown = api.get("/api/reviews/" + reviewed).json().at("/reviews/0/reviewerName").asText();
        assertEquals("Renamed Nine", shown, "the reviewer's name on another user's list");
        assertTrue(redis.keys("cd:m:user:" + renamed).size() <= 1);
    }

    @Test
    void newPaymentInvalidatesBothUsersPaymentsForEveryPrincipal() {
        long payer = 11;
        long payee = 12;
        warm(fixtures.tokenOf(payer), "/api/users/" + payer + "/payments");
        warm(TestServers.ADMIN_TOKEN, "/api/users/" + payer + "/payments", "/api/users/" + payee + "/payments");
        long count = api.get("/api/users/" + payer + "/payments", fixtures.tokenOf(payer)).json().at("/totals/count").asLong();

        Reply paid = api.post("/api/payments", fixtures.tokenOf(payer),
                "{\"payerId\":" + payer + ",\"payeeId\":" + payee + ",\"amount\":12.50,\"currency\":\"EUR\"}");
        assertEquals(201, paid.status(), paid.raw().body());

        assertTrue(redis.keys("cd:*payments*user:" + payer + "*").stream().noneMatch(k -> !k.startsWith("cd:t:")),
                "payer's payments gone in all tiers for every principal");
        assertEquals(count + 1,
                api.get("/api/users/" + payer + "/payments", fixtures.tokenOf(payer)).json().at("/totals/count").asLong());
        assertEquals(count + 1,
                api.get("/api/users/" + payer + "/payments", TestServers.ADMIN_TOKEN).json().at("/totals/count").asLong());
    }

    @Test
    void jobChangesInvalidateTheJobTheClientListAndTheClientProfile() {
        long client = fixtures.count("SELECT MIN(id) FROM users WHERE is_client = TRUE");
        String token = fixtures.tokenOf(client);
        Reply created = api.post("/api/jobs", token,
                "{\"clientId\":" + client + ",\"title\":\"Port a CLI\",\"description\":\"Rust to Java\",\"budget\":900.00}");
        assertEquals(201, created.status(), created.raw().body());
        long job = created.json().get("id").asLong();
        warm(null, "/api/jobs/" + job, "/api/clientjobs/" + client, "/api/get-profile/" + client);
        long posted = api.get("/api/get-profile/" + client).json().at("/stats/jobsPosted").asLong();

        assertEquals(200, api.put("/api/jobs/" + job, token, "{\"title\":\"Port a CLI, fast\"}").status());
        assertEquals("Port a CLI, fast", api.get("/api/jobs/" + job).json().get("title").asText());
        assertEquals("Port a CLI, fast", api.get("/api/clientjobs/" + client).json().at("/jobs/0/title").asText());

        warm(null, "/api/jobs/" + job);
        assertEquals(204, api.delete("/api/jobs/" + job, token).status());
        assertEquals(404, api.get("/api/jobs/" + job).status(), "deleted job not served from any tier");
        assertEquals(posted - 1, api.get("/api/get-profile/" + client).json().at("/stats/jobsPosted").asLong());
        assertNotEquals(job, api.get("/api/clientjobs/" + client).json().at("/jobs/0/id").asLong());
    }
}
