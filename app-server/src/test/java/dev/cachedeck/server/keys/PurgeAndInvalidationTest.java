package dev.cachedeck.server.keys;

import static dev.cachedeck.server.keys.KeyAdminFixture.ADMIN;
import static dev.cachedeck.server.keys.KeyAdminFixture.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.TestRedis;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Purges, manual invalidation, the invalidation log and the runtime TTL policy, on a real server and Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurgeAndInvalidationTest {
    private KeyAdminFixture fixture;
    private ApiClient api;

    @BeforeAll
    void start() {
        fixture = new KeyAdminFixture(backend());
        api = fixture.api;
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same tests on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    private void warmUser(long id) {
        fixture.warm("/api/get-profile/" + id, "/api/reviews/" + id, "/api/ratings/reviewer_" + id + "/",
                "/api/clientjobs/" + id);
    }

    private long previewThenPurge(String request) {
        Reply preview = fixture.post("/admin/purge/preview", request);
        assertEquals(200, preview.status(), preview.raw().body());
        long count = preview.json().get("count").asLong();
        Reply purged = fixture.post("/admin/purge", request);
        assertEquals(200, purged.status(), purged.raw().body());
        assertEquals(count, purged.json().get("removed").asLong(), "dry run equals purge for " + request);
        assertEquals(preview.json().get("bytes").asLong(), purged.json().get("bytes").asLong());
        return count;
    }

    @Test
    void patternPurgeRemovesWhatThePreviewCountedAndNothingOutsideThePrefix() {
        warmUser(11);
        fixture.warm("/api/jobs/3");
        long queryKeys = fixture.keys("cd:q:*").size();
        assertTrue(queryKeys > 0);

        Reply preview = fixture.post("/admin/purge/preview", "{\"pattern\":\"q:*\"}");
        assertTrue(preview.json().get("routesAffected").toString().contains("reviews"), preview.raw().body());
        assertEquals(queryKeys, previewThenPurge("{\"pattern\":\"q:*\"}"));
        assertEquals(List.of(), fixture.keys("cd:q:*"));
        assertFalse(fixture.keys("cd:m:*").isEmpty(), "other tiers untouched");

        Reply progress = api.get("/admin/purge/progress", ADMIN);
        assertFalse(progress.json().get("running").asBoolean());
        assertEquals(queryKeys, progress.json().get("removed").asLong());
        fixture.assertForeignKeysSurvive();
    }

    @Test
    void purgeEverythingKeepsForeignKeysAndTheInvalidationBookkeeping() {
        warmUser(12);
        assertEquals(200, fixture.post("/admin/invalidate", "{\"entity\":\"job\",\"id\":41}").status());
        long tierKeys = fixture.keys("cd:*").stream().filter(k -> k.matches("cd:(api|q|m):.*")).count();
        for (String pattern : List.of("*", "cd:*", "*:*", "[a-z]*")) {
            fixture.plantForeignKeys();
            previewThenPurge("{\"pattern\":\"" + pattern + "\"}");
            fixture.assertForeignKeysSurvive();
        }
        assertTrue(tierKeys > 0);
        assertEquals(List.of(), fixture.keys("cd:api:*"));
        assertEquals(1, fixture.redis().exists("cd:seq"), "the sequence is never purged");
        assertFalse(fixture.keys("cd:t:*").isEmpty(), "tag sets are never purged");
    }

    @Test
    void tierPurgeRemovesOnlyThatTier() {
        warmUser(13);
        long modelKeys = fixture.keys("cd:m:*").size();
        assertEquals(modelKeys, previewThenPurge("{\"tier\":\"MODEL\"}"));
        assertEquals(List.of(), fixture.keys("cd:m:*"));
        assertFalse(fixture.keys("cd:api:*").isEmpty());
        fixture.assertForeignKeysSurvive();
    }

    @Test
    void entityPurgeRemovesTheEntitysKeysInEveryTier() {
        warmUser(14);
        assertTrue(fixture.keys("cd:*14*").stream().anyMatch(k -> k.startsWith("cd:m:user:14")));
        long removed = previewThenPurge("{\"entityType\":\"user\",\"entityId\":14}");
        assertTrue(removed >= 4, "removed " + removed);
        List<String> left = fixture.keys("cd:*").stream()
                .filter(k -> k.matches("cd:(api|q|m):.*\\D14(\\D.*)?")).toList();
        assertEquals(List.of(), left);
        assertTrue(api.get("/api/get-profile/14").header("X-Cache").contains("api=MISS"));
        JsonNode logged = api.get("/admin/invalidations?limit=5", ADMIN).json();
        assertTrue(logged.toString().contains("purge user 14"), logged.toString());
        fixture.assertForeignKeysSurvive();
    }

    @Test
    void manualInvalidationRemovesTheEntityInEveryTierAndIsLogged() {
        warmUser(15);
        Reply invalidated = fixture.post("/admin/invalidate", "{\"entity\":\"user\",\"id\":15}");
        assertEquals(200, invalidated.status(), invalidated.raw().body());
        JsonNode entry = invalidated.json();
        assertEquals("manual user 15", entry.get("cause").asText());
        for (String tier : List.of("RESPONSE", "QUERY", "MODEL")) {
            assertTrue(entry.at("/keysRemoved/" + tier).asLong() > 0, tier + " in " + entry);
        }
        assertEquals(List.of(), fixture.keys("cd:m:user:15"));
        assertEquals(List.of(), fixture.keys("cd:api:profile:/api/get-profile/15"));
        assertEquals(List.of(), fixture.keys("cd:q:stats:user:15"));
        assertEquals("api=MISS, query=MISS, model=MISS", api.get("/api/get-profile/15").header("X-Cache"));

        JsonNode log = api.get("/admin/invalidations", ADMIN).json();
        assertEquals("manual user 15", log.get(0).get("cause").asText());
        assertTrue(log.get(0).get("tags").toString().contains("user:15"));
    }

    @Test
    void writesAppearInTheInvalidationLog() {
        warmUser(16);
        Reply updated = api.put("/api/profiles/16", ADMIN, "{\"displayName\":\"Logged Sixteen\"}");
        assertEquals(200, updated.status(), updated.raw().body());
        JsonNode latest = api.get("/admin/invalidations?limit=1", ADMIN).json();
        assertEquals(1, latest.size());
        assertTrue(latest.get(0).get("cause").asText().startsWith("ProfileUpdated"), latest.toString());
        assertEquals(List.of("user:16"), List.of(latest.get(0).get("tags").get(0).asText()));
        assertTrue(latest.get(0).at("/keysRemoved/RESPONSE").asLong() > 0, latest.toString());
        assertTrue(latest.get(0).get("micros").asLong() > 0);
    }

    @Test
    void ttlPolicyChangeAppliesToTheNextFill() {
        Reply before = api.get("/admin/cache/ttl", ADMIN);
        assertEquals(200, before.status());
        assertTrue(before.json().get("rules").toString().contains("\"ttlMillis\":86400000"));
        Reply changed = api.put("/admin/cache/ttl", ADMIN, """
                {"rules":[{"tier":"MODEL","dataType":"profile","ttlMillis":5000},
                          {"tier":"RESPONSE","dataType":"profile","ttlMillis":6000}]}""");
        assertEquals(200, changed.status(), changed.raw().body());
        assertTrue(changed.json().get("rules").toString().contains("{\"tier\":\"MODEL\",\"dataType\":\"profile\",\"ttlMillis\":5000}"));
        try {
            fixture.warm("/api/get-profile/17");
            long model = fixture.redis().pttl("cd:m:user:17");
            long response = fixture.redis().pttl("cd:api:profile:/api/get-profile/17");
            assertTrue(model > 0 && model <= 5000, "model pttl " + model);
            assertTrue(response > 0 && response <= 6000, "response pttl " + response);
        } finally {
            api.put("/admin/cache/ttl", ADMIN, """
                    {"rules":[{"tier":"MODEL","dataType":"profile","ttlMillis":86400000},
                              {"tier":"RESPONSE","dataType":"profile","ttlMillis":3600000}]}""");
        }
    }

    @Test
    void badRequestsAreAnsweredWith400ProblemJsonAndChangeNothing() {
        for (String body : List.of("{}", "{\"pattern\":\"a b\"}", "{\"tier\":\"DISK\"}", "{\"entityType\":\"user\"}",
                "{\"entityType\":\"order\",\"entityId\":1}", "{\"entityType\":\"user\",\"entityId\":0}",
                "{\"entityType\":\"user\",\"entityId\":1,\"tier\":\"QUERY\"}", "{\"pattern\":\"" + "x".repeat(300) + "\"}",
                "{\"nonsense\":1}", "not json")) {
            assertProblem(400, fixture.post("/admin/purge/preview", body));
            assertProblem(400, fixture.post("/admin/purge", body));
        }
        for (String body : List.of("{}", "{\"entity\":\"order\",\"id\":1}", "{\"entity\":\"user\",\"id\":-4}",
                "{\"entity\":\"user\"}", "{\"entity\":\"user\",\"id\":\"x\"}")) {
            assertProblem(400, fixture.post("/admin/invalidate", body));
        }
        for (String query : List.of("limit=0", "limit=501", "limit=x")) {
            assertProblem(400, api.get("/admin/invalidations?" + query, ADMIN));
        }
        for (String body : List.of("{\"rules\":[]}", "{\"rules\":[{\"tier\":\"MODEL\",\"dataType\":\"payments\",\"ttlMillis\":5000}]}",
                "{\"rules\":[{\"tier\":\"QUERY\",\"dataType\":\"profile\",\"ttlMillis\":999}]}",
                "{\"rules\":[{\"tier\":\"QUERY\",\"dataType\":\"profile\",\"ttlMillis\":604800001}]}",
                "{\"rules\":[{\"tier\":\"QUERY\",\"dataType\":\"profile\",\"ttlMillis\":5000},{\"tier\":null}]}")) {
            assertProblem(400, api.put("/admin/cache/ttl", ADMIN, body));
        }
        assertTrue(api.get("/admin/cache/ttl", ADMIN).json().get("rules").toString()
                .contains("{\"tier\":\"QUERY\",\"dataType\":\"profile\",\"ttlMillis\":3600000}"), "a rejected update changes nothing");
        fixture.assertForeignKeysSurvive();
    }

    @Test
    void everyEndpointRequiresTheAdminToken() {
        for (String token : new String[] {null, "wrong"}) {
            assertProblem(401, api.post("/admin/purge/preview", token, "{\"tier\":\"QUERY\"}"));
            assertProblem(401, api.post("/admin/purge", token, "{\"tier\":\"QUERY\"}"));
            assertProblem(401, api.get("/admin/purge/progress", token));
            assertProblem(401, api.post("/admin/invalidate", token, "{\"entity\":\"user\",\"id\":1}"));
            assertProblem(401, api.get("/admin/invalidations", token));
            assertProblem(401, api.get("/admin/cache/ttl", token));
            assertProblem(401, api.put("/admin/cache/ttl", token,
                    "{\"rules\":[{\"tier\":\"QUERY\",\"dataType\":\"profile\",\"ttlMillis\":5000}]}"));
        }
    }
}
