package dev.cachedeck.server.keys;

import static dev.cachedeck.server.keys.KeyAdminFixture.ADMIN;
import static dev.cachedeck.server.keys.KeyAdminFixture.assertProblem;
import static dev.cachedeck.server.keys.KeyAdminFixture.encoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.TestRedis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The key browser over a real server and Redis, with other applications' keys in the same Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyBrowserTest {
    private KeyAdminFixture fixture;
    private ApiClient api;

    @BeforeAll
    void start() {
        fixture = new KeyAdminFixture(backend());
        api = fixture.api;
        fixture.warm("/api/get-profile/3", "/api/jobs/2", "/api/reviews/3", "/api/clientjobs/3");
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same tests on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    /** Pages through the whole scan, as a client would. */
    private List<JsonNode> browseAll(String query) {
        List<JsonNode> keys = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            Reply page = api.get("/admin/keys?count=7&cursor=" + cursor + query, ADMIN);
            assertEquals(200, page.status(), page.raw().body());
            page.json().get("keys").forEach(keys::add);
            cursor = page.json().get("nextCursor").asText();
            assertTrue(++pages < 10_000, "scan must end");
        } while (!cursor.equals("0"));
        return keys;
    }

    private static Set<String> names(List<JsonNode> keys) {
        Set<String> names = new HashSet<>();
        keys.forEach(key -> names.add(key.get("key").asText()));
        return names;
    }

    @Test
    void browsingPagesThroughExactlyTheApplicationsKeys() {
        Set<String> listed = names(browseAll(""));
        assertEquals(new HashSet<>(fixture.keys("cd:*")), listed);
        KeyAdminFixture.FOREIGN.keySet().forEach(foreign -> assertFalse(listed.contains(foreign), foreign));
    }

    @Test
    void aSlowRedisDelaysTheKeyBrowserButNeverOpensTheCachesBreaker() {
        Set<String> cached = new HashSet<>(fixture.keys("cd:api:*"));
        assertFalse(cached.isEmpty());
        // Three times, Redis holds every client for 400 ms: longer than a request's command timeout (250 ms),
        // shorter than the admin tools' (5 s). On the requests' connection each page would fail, and the third
        // failure would open the breaker and flush every entry.
        for (int round = 0; round < 3; round++) {
            fixture.redis().clientPause(400);
            Reply page = api.get("/admin/keys?count=100", ADMIN);
            assertEquals(200, page.status(), page.raw().body());
        }
        assertTrue(api.get("/api/jobs/2").fromResponseCache());
        assertTrue(new HashSet<>(fixture.keys("cd:api:*")).containsAll(cached), "nothing was flushed");
    }

    @Test
    void noPatternReachesOutsideThePrefix() {
        for (String pattern : List.of("*", "?*", "[a-z]*", "*:*", "\\*", "..*", "*1", "cd:*", "x*", "d*")) {
            Set<String> listed = names(browseAll("&pattern=" + encoded(pattern)));
            listed.forEach(key -> assertTrue(key.startsWith("cd:"), pattern + " listed " + key));
        }
        fixture.assertForeignKeysSurvive();
    }

    @Test
    void eachKeyCarriesTierTypeTtlSizeAndItsEntity() {
        assertEquals(200, fixture.post("/admin/invalidate", "{\"entity\":\"job\",\"id\":40}").status());
        Map<String, JsonNode> byKey = new HashMap<>();
        browseAll("").forEach(key -> byKey.put(key.get("key").asText(), key));

        JsonNode profile = byKey.get("cd:api:profile:/api/get-profile/3");
        assertNotNull(profile, byKey.keySet().toString());
        assertEquals("RESPONSE", profile.get("tier").asText());
        assertEquals("ENTRY", profile.get("kind").asText());
        assertEquals("string", profile.get("redisType").asText());
        assertTrue(profile.get("ttlMillis").asLong() > 0);
        assertTrue(profile.get("sizeBytes").asLong() > 0);
        assertEquals("user", profile.get("entityType").asText());
        assertEquals(3, profile.get("entityId").asLong());
        assertEquals("profile", profile.get("route").asText());

        JsonNode job = byKey.get("cd:m:job:2");
        assertEquals("MODEL", job.get("tier").asText());
        assertEquals("job", job.get("entityType").asText());
        assertEquals(2, job.get("entityId").asLong());

        JsonNode tagSet = byKey.get("cd:t:user:3");
        assertEquals("TAG_SET", tagSet.get("kind").asText());
        assertTrue(tagSet.get("tier").isNull());
        assertEquals("set", tagSet.get("redisType").asText());
        assertEquals(3, tagSet.get("entityId").asLong());

        assertEquals("SEQUENCE", byKey.get("cd:seq").get("kind").asText());
    }

    @Test
    void tierFilterKeepsOnlyThatTier() {
        List<JsonNode> query = browseAll("&tier=query");
        assertFalse(query.isEmpty());
        query.forEach(key -> assertEquals("QUERY", key.get("tier").asText(), key.toString()));
        assertEquals(new HashSet<>(fixture.keys("cd:q:*")), names(query));
    }

    @Test
    void detailDecodesTheValueAndItsTags() throws Exception {
        Reply detail = api.get("/admin/keys/" + encoded("cd:api:reviews:/api/reviews/3?filter=all&page=0&size=20"),
                ADMIN);
        assertEquals(200, detail.status(), detail.raw().body());
        JsonNode value = CacheDeckJson.newMapper().readTree(detail.json().get("valueJson").asText());
        assertEquals(api.get("/api/reviews/3").json(), value);
        assertTrue(detail.json().get("valueJson").asText().contains("\n"), "pretty-printed");
        List<String> tags = new ArrayList<>();
        detail.json().get("tags").forEach(tag -> {
            tags.add(tag.get("tag").asText());
            assertTrue(tag.get("asOf").isIntegralNumber());
        });
        assertTrue(tags.contains("reviews-received:3") && tags.contains("user:3"), tags.toString());
        assertEquals(detail.json().at("/info/entityId").asLong(), 3);
    }

    @Test
    void detailOfACompressedEntryIsDecompressed() {
        Reply detail = api.get("/admin/keys/" + encoded("cd:api:reviews:/api/reviews/3?filter=all&page=0&size=20"),
                ADMIN);
        long stored = detail.json().get("storedBytes").asLong();
        long payload = detail.json().get("payloadBytes").asLong();
        assertTrue(payload > 1024, "the reviews page is large enough to be compressed: " + payload);
        assertTrue(stored < payload, "stored " + stored + " payload " + payload);
    }

    @Test
    void deleteRemovesOneKeyThenAnswers404() {
        fixture.warm("/api/get-profile/8");
        String key = encoded("cd:api:profile:/api/get-profile/8");
        assertEquals(204, api.delete("/admin/keys/" + key, ADMIN).status());
        assertEquals(0, fixture.redis().exists("cd:api:profile:/api/get-profile/8"));
        assertProblem(404, api.delete("/admin/keys/" + key, ADMIN));
        assertProblem(404, api.get("/admin/keys/" + key, ADMIN));
        assertEquals("api=MISS", api.get("/api/get-profile/8").header("X-Cache").split(",")[0]);
    }

    @Test
    void ttlChangeSetsTheKeysTtlAndKeepsItsTagSetsAlive() {
        fixture.warm("/api/get-profile/9");
        String key = "cd:api:profile:/api/get-profile/9";
        Reply changed = api.put("/admin/keys/" + encoded(key) + "/ttl", ADMIN, "{\"ttlMillis\":3600000}");
        assertEquals(200, changed.status(), changed.raw().body());
        long ttl = fixture.redis().pttl(key);
        assertTrue(ttl > 3_590_000 && ttl <= 3_600_000, "pttl " + ttl);
        assertTrue(fixture.redis().pttl("cd:t:user:9") >= ttl, "tag set outlives the entry");

        Reply shortened = api.put("/admin/keys/" + encoded(key) + "/ttl", ADMIN, "{\"ttlMillis\":5000}");
        assertEquals(200, shortened.status());
        assertTrue(fixture.redis().pttl(key) <= 5000);
        assertProblem(404, api.put("/admin/keys/" + encoded("cd:m:user:999999") + "/ttl", ADMIN, "{\"ttlMillis\":5000}"));
    }

    @Test
    void summaryCountsEveryKeyPerTierAndEntity() {
        Reply summary = api.get("/admin/keys/summary", ADMIN);
        assertEquals(200, summary.status(), summary.raw().body());
        assertTrue(summary.json().get("exact").asBoolean());
        long total = 0;
        long queryKeys = 0;
        for (JsonNode row : summary.json().get("rows")) {
            total += row.get("count").asLong();
            assertTrue(row.get("bytes").asLong() > 0, row.toString());
            if ("QUERY".equals(row.get("tier").asText())) {
                queryKeys += row.get("count").asLong();
            }
        }
        assertEquals(summary.json().get("keysScanned").asLong(), total);
        assertEquals(fixture.keys("cd:*").size(), total);
        assertEquals(fixture.keys("cd:q:*").size(), queryKeys);
    }

    @Test
    void badParametersAreAnsweredWith400ProblemJson() {
        for (String query : List.of("count=0", "count=1001", "count=abc", "cursor=-1", "cursor=abc",
                "cursor=99999999999999999999", "cursor=18446744073709551616", "tier=disk", "pattern=a%20b",
                "pattern=" + "x".repeat(300), "pattern=%00")) {
            assertProblem(400, api.get("/admin/keys?" + query, ADMIN));
        }
        assertProblem(400, api.get("/admin/keys/" + encoded("other:app:1"), ADMIN));
        assertProblem(400, api.delete("/admin/keys/" + encoded("other:app:1"), ADMIN));
        assertProblem(400, api.delete("/admin/keys/" + encoded("cd:t:user:3"), ADMIN));
        assertProblem(400, api.delete("/admin/keys/" + encoded("cd:seq"), ADMIN));
        String entry = "/admin/keys/" + encoded("cd:api:profile:/api/get-profile/3") + "/ttl";
        assertProblem(400, api.put(entry, ADMIN, "{\"ttlMillis\":null}"));
        assertProblem(400, api.put(entry, ADMIN, "{\"ttlMillis\":10}"));
        assertProblem(400, api.put(entry, ADMIN, "{\"ttlMillis\":999999999999}"));
        assertProblem(400, api.put(entry, ADMIN, "{\"ttlMillis\":\"soon\"}"));
        assertProblem(400, api.put(entry, ADMIN, "{}"));
        assertProblem(400, api.put("/admin/keys/" + encoded("cd:v:user:3") + "/ttl", ADMIN, "{\"ttlMillis\":5000}"));
        assertEquals("theirs", fixture.redis().get("other:app:1"));
    }

    @Test
    void everyKeyEndpointRequiresTheAdminToken() {
        String key = "/admin/keys/" + encoded("cd:m:job:2");
        String userToken = api.get("/admin/tokens?limit=1", ADMIN).json().get(0).get("token").asText();
        for (String token : new String[] {null, "wrong", userToken}) {
            int expected = token == null || token.equals("wrong") ? 401 : 403;
            assertProblem(expected, api.get("/admin/keys", token));
            assertProblem(expected, api.get("/admin/keys/summary", token));
            assertProblem(expected, api.get(key, token));
            assertProblem(expected, api.delete(key, token));
            assertProblem(expected, api.put(key + "/ttl", token, "{\"ttlMillis\":5000}"));
        }
        assertEquals(1, fixture.redis().exists("cd:m:job:2"));
    }
}
