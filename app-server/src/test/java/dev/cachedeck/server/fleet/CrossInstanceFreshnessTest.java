package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.api.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three instances, one Redis, one PostgreSQL, no near tier: once a write has been acknowledged by one
 * instance, no instance answers with what it replaced, even while readers keep refilling the keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceFreshnessTest {
    private TestFleet fleet;
    private Fixtures fixtures;

    @BeforeAll
    void start() {
        fleet = new TestFleet(3, Map.of());
        fixtures = new Fixtures(fleet.server(0));
    }

    @AfterAll
    void stop() {
        fleet.close();
    }

    @Test
    void aWriteOnOneInstanceIsSeenByTheNextReadOnEveryOther() {
        long user = 21;
        String token = fixtures.tokenOf(user);
        for (int round = 1; round <= 5; round++) {
            for (int reader = 1; reader < fleet.size(); reader++) {
                warm(fleet.api(reader), "/api/get-profile/" + user);
                warm(fleet.api(reader), "/api/reviews/" + user + "?size=100");
            }
            String name = "Renamed on A " + round;
            assertEquals(200, fleet.api(0).put("/api/profiles/" + user, token,
                    "{\"displayName\":\"" + name + "\"}").status());
            long reviewer = 22;
            Reply review = fleet.api(0).post("/api/reviews", fixtures.tokenOf(reviewer),
                    "{\"reviewerId\":" + reviewer + ",\"reviewedId\":" + user + ",\"rating\":4,\"text\":\"round " + round + "\"}");
            assertEquals(201, review.status(), review.raw().body());
            long reviewId = review.json().get("id").asLong();

            for (int reader = 1; reader < fleet.size(); reader++) {
                assertEquals(name, fleet.api(reader).get("/api/get-profile/" + user).json().get("displayName").asText());
                assertTrue(fleet.api(reader).get("/api/reviews/" + user + "?size=100").json().get("reviews")
                        .findValues("id").stream().anyMatch(id -> id.asLong() == reviewId), "new review on " + reader);
            }
        }
    }

    /**
     * Readers on B and C refill the profile keys as fast as they can while A renames the user 40 times.
     * Each reader notes the last rename acknowledged before it sent its request; the answer may never be older.
     */
    @Test
    void readersOnOtherInstancesNeverSeeAWriteUndoneAfterItsAcknowledgement() throws InterruptedException {
        long user = 31;
        String token = fixtures.tokenOf(user);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        LongAdder reads = new LongAdder();
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient api = fleet.api(1 + i % (fleet.size() - 1));
            readers.add(Thread.ofVirtual().start(() -> {
                while (writing.get()) {
                    int floor = acknowledged.get();
                    String name = api.get("/api/get-profile/" + user).json().get("displayName").asText();
                    int seen = name.startsWith("Version ") ? Integer.parseInt(name.substring(8)) : 0;
                    reads.increment();
                    if (seen < floor) {
                        stale.add("saw " + seen + " after " + floor + " was acknowledged");
                    }
                }
            }));
        }
        for (int version = 1; version <= 40; version++) {
            Reply reply = fleet.api(0).put("/api/profiles/" + user, token, "{\"displayName\":\"Version " + version + "\"}");
            assertEquals(200, reply.status(), reply.raw().body());
            acknowledged.set(version);
            Thread.sleep(5);
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertTrue(reads.sum() > 40, "readers ran alongside the writes: " + reads.sum());
        assertEquals(List.of(), List.copyOf(stale));
    }

    private static void warm(ApiClient api, String path) {
        api.get(path);
        assertEquals("api=HIT", api.get(path).header("X-Cache"), path);
    }
}
