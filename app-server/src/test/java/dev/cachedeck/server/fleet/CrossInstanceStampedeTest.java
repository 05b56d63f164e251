package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A burst of misses on one key, spread over three instances, loads it from the database once: single
 * flight covers one process, the Redis lease covers the fleet. Every statement waits 100 ms, so the
 * loads of a burst overlap for certain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceStampedeTest {
    private static final int REQUESTS = 60;

    private TestFleet fleet;

    @BeforeAll
    void start() {
        // Readers wait up to 10 s for the lease holder's value (the shipped 1 s): at load 19 the holder's load took
        // longer than 1 s, the waiting readers loaded for themselves, and the test measured the machine.
        fleet = new TestFleet(3, Map.of("cachedeck.jdbc.simulated-delay", "PT0.1S", "cachedeck.cache.lease-wait", "PT10S"));
    }

    @AfterAll
    void stop() {
        fleet.close();
    }

    @Test
    void aBurstOfMissesOverThreeInstancesRunsOneLoadsStatements() throws InterruptedException {
        long user = 51;
        CountDownLatch go = new CountDownLatch(1);
        LongAdder statements = new LongAdder();
        Set<String> bodies = ConcurrentHashMap.newKeySet();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            ApiClient api = fleet.api(i % fleet.size());
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Reply reply = api.get("/api/get-profile/" + user);
                statuses.add(reply.status());
                bodies.add(reply.raw().body());
                statements.add(Long.parseLong(reply.header("X-DB-Queries")));
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(Set.of(200), statuses);
        assertEquals(1, bodies.size(), "every instance answered the same profile");
        assertEquals(2, statements.sum(), "one load: the user row and its stats, for all " + REQUESTS + " requests");
    }
}
