package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.api.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Writers stamp display names with increasing versions while readers read every page that shows the
 * name. A reader notes the newest version whose write had returned before it sent its request; the
 * answer must show at least that version, whatever reader was filling the caches meanwhile.
 */
class ConcurrentFreshnessTest {
    private static final int USERS = 4;
    private static final int READERS = 12;
    private static final int WRITES = 100;
    /** Runs at least this long, then until {@link #WRITES} writes have returned: work done, not work per second. */
    private static final Duration RUN = Duration.ofSeconds(6);
    /** A machine that cannot do {@link #WRITES} writes in this time fails the floor below. */
    private static final Duration LONGEST_RUN = Duration.ofSeconds(90);

    private record Page(String path, Function<JsonNode, String> name) {
    }

    private record StaleRead(String path, long floor, long seen) {
    }

    @Test
    void noReadReturnsAVersionOlderThanTheLastWriteThatHadReturned() throws Exception {
        // A Redis command delayed past the shipped 250 ms by a starved CPU would open the breaker, and with it open
        // every read bypasses the cache, so freshness would hold without the protocol: a loaded machine is not an
        // outage here.
        try (TestRedis backend = backend();
             CacheDeckServer server = TestServers.started(backend.settings()
                     .with(Map.of("cachedeck.redis.command-timeout", "PT2S")))) {
            ApiClient api = new ApiClient(server.baseUri());
            Fixtures fixtures = new Fixtures(server);
            List<Long> users = clientsWithJobs(fixtures);
            List<List<Page>> pages = users.stream().map(user -> pagesShowingTheNameOf(user, fixtures)).toList();
            AtomicLongArray floors = new AtomicLongArray(USERS);
            users.forEach(user -> rename(api, user, 0));

            AtomicBoolean running = new AtomicBoolean(true);
            Queue<StaleRead> stale = new ConcurrentLinkedQueue<>();
            LongAdder reads = new LongAdder();
            LongAdder cachedReads = new LongAdder();
            LongAdder writes = new LongAdder();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> work = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    int index = u;
                    work.add(threads.submit(() -> {
                        for (long version = 1; running.get(); version++) {
                            rename(api, users.get(index), version);
                            floors.set(index, version);
                            writes.increment();
                            pause(2, 15);
                        }
                    }));
                }
                for (int r = 0; r < READERS; r++) {
                    work.add(threads.submit(() -> {
                        while (running.get()) {
                            int index = ThreadLocalRandom.current().nextInt(USERS);
                            Page page = pages.get(index).get(ThreadLocalRandom.current().nextInt(pages.get(index).size()));
                            long floor = floors.get(index);
                            Reply reply = api.get(page.path());
                            assertEquals(200, reply.status(), page.path());
                            long seen = version(page.name().apply(reply.json()));
                            if (seen < floor) {
                                stale.add(new StaleRead(page.path(), floor, seen));
                            }
                            reads.increment();
                            if (reply.header("X-Cache").contains("HIT")) {
                                cachedReads.increment();
                            }
                        }
                    }));
                }
                Thread.sleep(RUN);
                long deadline = System.nanoTime() + LONGEST_RUN.minus(RUN).toNanos();
                while (writes.sum() < WRITES && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                running.set(false);
                for (Future<?> future : work) {
                    future.get();
                }
            }

            assertTrue(stale.isEmpty(), stale.size() + " stale reads out of " + reads.sum() + ", first: " + stale.peek());
            assertTrue(writes.sum() >= WRITES, "only " + writes.sum() + " writes in " + LONGEST_RUN);
            assertTrue(cachedReads.sum() > reads.sum() / 4,
                    "the cache must really be answering: " + cachedReads.sum() + " of " + reads.sum());
        }
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same tests on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    private static List<Long> clientsWithJobs(Fixtures fixtures) {
        List<Long> users = new ArrayList<>();
        for (int rank = 0; rank < USERS; rank++) {
            users.add(fixtures.count("SELECT client_id FROM jobs GROUP BY client_id ORDER BY COUNT(*) DESC, client_id"
                    + " LIMIT 1 OFFSET ?", rank));
        }
        return users;
    }

    /** The profile itself, one of the user's jobs (client summary) and the user's job list. */
    private static List<Page> pagesShowingTheNameOf(long user, Fixtures fixtures) {
        long job = fixtures.count("SELECT MIN(id) FROM jobs WHERE client_id = ?", user);
        return List.of(
                new Page("/api/get-profile/" + user, body -> body.get("displayName").asText()),
                new Page("/api/jobs/" + job, body -> body.get("client").get("displayName").asText()),
                new Page("/api/clientjobs/" + user, body -> body.get("clientName").asText()));
    }

    private static void rename(ApiClient api, long user, long version) {
        Reply reply = api.put("/api/profiles/" + user, TestServers.ADMIN_TOKEN, "{\"displayName\":\"v" + version + "\"}");
        assertEquals(200, reply.status(), reply.raw().body());
    }

    private static long version(String displayName) {
        assertTrue(displayName.startsWith("v"), displayName);
        return Long.parseLong(displayName.substring(1));
    }

    private static void pause(int minMillis, int maxMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
