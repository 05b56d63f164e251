package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.restart.ChildServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances sharing a Redis find each other through their registrations: a cleanly stopped instance leaves the
 * list at once, a killed one when its registration's TTL (short here) runs out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceRegistrationTest {
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Map<String, String> SHORT_TTL = Map.of(
            "cachedeck.server.registration.ttl", TTL.toString(),
            "cachedeck.server.registration.renew-every", "PT0.5S");

    private TestFleet fleet;

    @BeforeAll
    void start() {
        fleet = new TestFleet(2, SHORT_TTL);
    }

    @AfterAll
    void stop() {
        fleet.close();
    }

    @Test
    void twoInstancesSeeEachOther() {
        String a = idOf(fleet.server(0));
        String b = idOf(fleet.server(1));

        for (int i = 0; i < 2; i++) {
            JsonNode list = instances(fleet.api(i));
            assertFalse(list.get("partial").asBoolean());
            assertEquals(idOf(fleet.server(i)), list.get("answeredBy").asText());
            assertTrue(ids(list).containsAll(List.of(a, b)), () -> "listed: " + list);
        }
        JsonNode bSeenByA = registration(instances(fleet.api(0)), b);
        assertEquals(fleet.server(1).baseUri().toString(), bSeenByA.get("url").asText());
        assertFalse(bSeenByA.get("lastSeen").asText().isEmpty());
    }

    @Test
    void theKeyBrowserShowsRegistrationsAndTheEpochAsServerKeys() {
        Map<String, String> kinds = new HashMap<>();
        String cursor = "0";
        do {
            JsonNode page = fleet.api(0).get(ApiPaths.ADMIN_KEYS + "?count=1000&cursor=" + cursor,
                    TestServers.ADMIN_TOKEN).json();
            page.get("keys").forEach(key -> kinds.put(key.get("key").asText(), key.get("kind").asText()));
            cursor = page.get("nextCursor").asText();
        } while (!cursor.equals("0"));

        assertEquals("SERVER", kinds.get("cd:instance:" + idOf(fleet.server(1))));
        assertEquals("SERVER", kinds.get("cd:epoch"));
        assertFalse(kinds.containsValue("UNKNOWN"), () -> "unknown keys: " + kinds);
    }

    @Test
    void flushingTheCacheKeepsTheRegistrations() {
        assertEquals(200, fleet.api(0).delete(ApiPaths.ADMIN_CACHE_ENTRIES, TestServers.ADMIN_TOKEN).status());

        assertTrue(ids(instances(fleet.api(1))).containsAll(List.of(idOf(fleet.server(0)), idOf(fleet.server(1)))));
    }

    @Test
    void aCleanlyStoppedInstanceDisappearsAtOnce() {
        String id;
        try (CacheDeckServer third = fleet.startAnother()) {
            id = idOf(third);
            assertTrue(ids(instances(fleet.api(0))).contains(id));
        }
        assertFalse(ids(instances(fleet.api(0))).contains(id));
    }

    @Test
    void aKilledInstanceDisappearsWhenItsRegistrationExpires(@TempDir Path dataDir) throws Exception {
        // On the fleet's database, which is loaded already: the child only has to start.
        ChildServer child = ChildServer.start(dataDir, fleet.redisUrl(), fleet.config());
        String id = child.baseUri().getHost() + ":" + child.baseUri().getPort();
        assertTrue(ids(instances(fleet.api(0))).contains(id), "the child registered");

        child.kill();
        long killedAt = System.nanoTime();
        assertTrue(ids(instances(fleet.api(0))).contains(id), "a killed instance removes nothing");
        while (ids(instances(fleet.api(0))).contains(id)) {
            assertTrue(Duration.ofNanos(System.nanoTime() - killedAt).compareTo(TTL.plusSeconds(2)) < 0,
                    "still listed " + TTL.plusSeconds(2) + " after the kill");
            Thread.sleep(100);
        }
    }

    private static String idOf(CacheDeckServer server) {
        return "127.0.0.1:" + server.port();
    }

    private static JsonNode instances(ApiClient api) {
        ApiClient.Reply reply = api.get(ApiPaths.ADMIN_INSTANCES, TestServers.ADMIN_TOKEN);
        assertEquals(200, reply.status());
        return reply.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("instances").forEach(instance -> ids.add(instance.get("id").asText()));
        return ids;
    }

    private static JsonNode registration(JsonNode list, String id) {
        for (JsonNode instance : list.get("instances")) {
            if (instance.get("id").asText().equals(id)) {
                return instance;
            }
        }
        throw new AssertionError(id + " not listed: " + list);
    }
}
