package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.TestServers;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An operator's invalidation or purge sent to one instance reaches what every instance serves. The rows
 * are changed behind the cache's back first, and each test checks B still serves the old row before the
 * operator acts, so only the invalidation can make the new one appear.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceInvalidationTest {
    private TestFleet fleet;
    private ApiClient a;
    private ApiClient b;

    @BeforeAll
    void start() {
        fleet = new TestFleet(2, Map.of());
        a = fleet.api(0);
        b = fleet.api(1);
    }

    @AfterAll
    void stop() {
        fleet.close();
    }

    @Test
    void aManualInvalidationOnOneInstanceTakesEffectOnTheOther() {
        long user = 41;
        renameBehindTheCache(user, "Changed in the database");

        assertEquals(200, a.post("/admin/invalidate", TestServers.ADMIN_TOKEN,
                "{\"entity\":\"user\",\"id\":" + user + "}").status());
        assertEquals("Changed in the database", displayName(user));
    }

    @Test
    void aPurgeOnOneInstanceTakesEffectOnTheOther() {
        long user = 42;
        renameBehindTheCache(user, "Changed before the purge");

        assertEquals(200, a.post("/admin/purge", TestServers.ADMIN_TOKEN, "{\"pattern\":\"*\"}").status());
        assertEquals("Changed before the purge", displayName(user));
    }

    /** Caches the profile on B, changes the row with SQL, and checks B still answers from its cache. */
    private void renameBehindTheCache(long user, String name) {
        String before = displayName(user);
        assertTrue(b.getUntilCached("/api/get-profile/" + user).fromResponseCache(), "B caches the profile");
        fleet.server(0).jdbc().transaction(session ->
                session.update("UPDATE users SET display_name = ? WHERE id = ?", name, user));
        assertEquals(before, displayName(user), "B serves its cached copy until told otherwise");
    }

    private String displayName(long user) {
        return b.get("/api/get-profile/" + user).json().get("displayName").asText();
    }
}
