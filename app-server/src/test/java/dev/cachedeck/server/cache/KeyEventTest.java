package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What Redis removes by itself, seen through keyspace notifications on a real Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyEventTest {
    private CacheDeckServer server;
    private ApiClient api;
    private RedisProbe probe;
    private TestRedis backend;

    @BeforeAll
    void start() {
        backend = backend();
        server = backend.start();
        api = new ApiClient(server.baseUri());
        probe = backend.probe(server);
        await(() -> api.get("/admin/stats", TestServers.ADMIN_TOKEN).json().get("keyEventsObserved").asBoolean(),
                "the server subscribes to key events");
    }

    @AfterAll
    void stop() {
        probe.close();
        server.close();
        backend.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same tests on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    @Test
    void entriesReachingTheirTtlAreCountedAsExpiredInTheirTier() throws Exception {
        api.get("/api/get-profile/21");
        // The entry is stored after the response is sent: until then the key holds the reader's lease.
        await(() -> "api=HIT".equals(api.get("/api/get-profile/21").header("X-Cache")), "the profile is cached");
        String key = "cd:api:profile:/api/get-profile/21";

        probe.redis().pexpire(key, 20);

        await(() -> totalRow("RESPONSE").get("expired").asLong() >= 1, "the response entry counted as expired");
        assertEquals(0, totalRow("RESPONSE").get("evicted").asLong());
        String metrics = HttpClient.newHttpClient().send(api.request("/observe/metrics", null).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("cache_evictions_total{cache=\"response\",cause=\"expiry\"} ")
                && !line.endsWith(" 0")), metrics);
    }

    /** On a cluster each master publishes its own slots' events only: every master must be subscribed to. */
    @Test
    void expiriesOnEveryMasterAreCounted() {
        List<String> keys = new ArrayList<>();
        for (long user = 30; user < 42; user++) {
            String path = "/api/get-profile/" + user;
            api.get(path);
            await(() -> "api=HIT".equals(api.get(path).header("X-Cache")), "profile " + path + " cached");
            keys.add("cd:api:profile:" + path);
        }
        assertEquals(probe.masters(), keys.stream().map(probe::ownerOf).distinct().count(), "entries on every master");
        long before = totalRow("RESPONSE").get("expired").asLong();

        keys.forEach(key -> probe.redis().pexpire(key, 20));

        await(() -> totalRow("RESPONSE").get("expired").asLong() >= before + keys.size(),
                "all " + keys.size() + " expiries counted");
    }

    /**
     * Only the user's tag set may be evicted (every other key of the app is made persistent, and Redis is told
     * to evict keys with a TTL only). Without the watcher, the profile update that follows could not find the
     * cached profile and the old name would be served.
     */
    @Test
    void anEvictedTagSetFlushesTheCacheSoTheNextWriteIsNotMissed() {
        long user = 22;
        String path = "/api/get-profile/" + user;
        api.get(path);
        await(() -> "api=HIT".equals(api.get(path).header("X-Cache")), "the profile is cached");
        RedisClusterCommands<String, String> redis = probe.redis();
        String tagSet = "cd:t:user:" + user;
        // On a cluster only the tag set's own master is pushed over maxmemory.
        RedisClusterCommands<String, String> owner = probe.nodeOf(tagSet);
        assertEquals(1, probe.keys(tagSet).size());
        probe.keys("cd:*").stream().filter(key -> !key.equals(tagSet)).forEach(redis::persist);
        long flushedBefore = server.cache().guard().flushedKeys();

        owner.configSet("maxmemory-policy", "volatile-lru");
        owner.configSet("maxmemory", "1");
        try {
            // The hash tag puts the filler in the tag set's slot, so it lands on the same master.
            assertThrows(RedisCommandExecutionException.class, () -> redis.set("{" + tagSet + "}filler", "x".repeat(1024)),
                    "over maxmemory with nothing else evictable");
        } finally {
            owner.configSet("maxmemory", "0");
        }
        assertEquals(0, probe.keys(tagSet).size(), "Redis evicted the tag set");

        await(() -> server.cache().guard().flushedKeys() > flushedBefore
                && server.cache().guard().state() == RedisGuard.State.CLOSED, "the app's keys flushed after the eviction");
        Reply renamed = api.put("/api/profiles/" + user, TestServers.ADMIN_TOKEN, "{\"displayName\":\"Evicted Twenty-Two\"}");
        assertEquals(200, renamed.status(), renamed.raw().body());
        assertEquals("Evicted Twenty-Two", api.get(path).json().get("displayName").asText());
    }

    @Test
    void notificationFlagsAreAddedToWhatAnotherAppAlreadySet() {
        assertEquals("Exe", KeyEventWatcher.union("", "Exe"));
        assertEquals("Kg$Exe", KeyEventWatcher.union("Kg$", "Exe"));
        assertEquals("xEe", KeyEventWatcher.union("xE", "Exe"));
        assertEquals("KAE", KeyEventWatcher.union("KA", "Exe"), "A already covers expired and evicted");
    }

    private JsonNode totalRow(String tier) {
        for (JsonNode row : api.get("/admin/stats", TestServers.ADMIN_TOKEN).json().get("tiers")) {
            if (row.get("tier").asText().equals(tier) && row.get("route").asText().equals("*")) {
                return row;
            }
        }
        throw new AssertionError("no total row for " + tier);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
