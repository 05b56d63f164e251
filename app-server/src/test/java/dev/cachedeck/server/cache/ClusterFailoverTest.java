package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.EmbeddedCluster;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.embedded.Redis;

/**
 * A replica of a three-master cluster takes over, once forced while no command fails and once because its
 * master was killed while readers and writers run. Replication is asynchronous, so the breaker treats either
 * like an outage: database only, then a flush of every master before Redis is used again. One cluster for the
 * class; the tests act on different shards, so a majority of masters is always left to elect a replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFailoverTest {
    private static final int USERS = 6;
    private static final int READERS = 8;
    private static final Duration HEAL_LIMIT = Duration.ofSeconds(30);

    private record StaleRead(long user, long floor, long seen) {
    }

    private TestRedis backend;
    private EmbeddedCluster cluster;

    @BeforeAll
    void start() {
        backend = TestRedis.cluster();
        cluster = backend.embeddedCluster().orElseThrow();
        shortenNodeTimeout(cluster);
    }

    @AfterAll
    void stop() {
        backend.close();
    }

    /**
     * A forced failover ({@code CLUSTER FAILOVER FORCE} on a replica: it takes over without waiting to catch up)
     * fails no command: the old master answers with redirects, which Lettuce follows. Only the topology change
     * says the new master may lack acknowledged invalidations, and that alone must open the breaker and flush.
     */
    @Test
    void aForcedFailoverFlushesEveryMasterThoughNoCommandFailed() throws Exception {
        try (CacheDeckServer server = backend.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            api.get("/api/get-profile/60");
            long flushedBefore = server.cache().guard().flushedKeys();

            // The last node is the replica of the third shard's master; the other test kills the first shard's.
            command(cluster.servers().getLast(), "CLUSTER", "FAILOVER", "FORCE");

            long deadline = System.nanoTime() + HEAL_LIMIT.toNanos();
            while (server.cache().guard().flushedKeys() == flushedBefore
                    || server.cache().guard().state() != RedisGuard.State.CLOSED) {
                assertTrue(System.nanoTime() < deadline, "no flush after the failover, state "
                        + server.cache().guard().state());
                Thread.sleep(50);
            }
            assertEquals("UP", api.get("/observe/health").json().at("/components/redis/status").asText());
        }
    }

    @Test
    void aMasterKilledMidTrafficFailsNoRequestAndLeavesNothingStale() throws Exception {
        try (CacheDeckServer server = backend.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            AtomicLongArray floors = new AtomicLongArray(USERS);
            for (int u = 0; u < USERS; u++) {
                rename(api, user(u), 0);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            Queue<StaleRead> stale = new ConcurrentLinkedQueue<>();
            LongAdder reads = new LongAdder();
            LongAdder hitsAfterHeal = new LongAdder();
            AtomicBoolean healed = new AtomicBoolean();
            long flushedBefore;
            Duration opened;
            Duration healedAfter;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> work = new ArrayList<>();
                for (int u = 0; u < USERS; u++) {
                    int index = u;
                    work.add(threads.submit(() -> {
                        for (long version = 1; running.get(); version++) {
                            Reply reply = api.put("/api/profiles/" + user(index), TestServers.ADMIN_TOKEN,
                                    "{\"displayName\":\"v" + version + "\"}");
                            if (reply.status() != 200) {
                                failures.add("PUT " + reply.status());
                            }
                            floors.set(index, version);
                            pause(20);
                        }
                    }));
                }
                for (int r = 0; r < READERS; r++) {
                    work.add(threads.submit(() -> {
                        while (running.get()) {
                            int index = ThreadLocalRandom.current().nextInt(USERS);
                            long floor = floors.get(index);
                            Reply reply = api.get("/api/get-profile/" + user(index));
                            reads.increment();
                            if (reply.status() != 200) {
                                failures.add("GET " + reply.status());
                                continue;
                            }
                            long seen = Long.parseLong(reply.json().get("displayName").asText().substring(1));
                            if (seen < floor) {
                                stale.add(new StaleRead(user(index), floor, seen));
                            }
                            if (healed.get() && reply.header("X-Cache").contains("HIT")) {
                                hitsAfterHeal.increment();
                            }
                        }
                    }));
                }
                Thread.sleep(1_000);
                flushedBefore = server.cache().guard().flushedKeys();
                long killedAt = System.nanoTime();
                // The first node is the master of the first shard (slots from 0); its replica is the second.
                cluster.servers().getFirst().stop();
                awaitState(server, state -> state != RedisGuard.State.CLOSED, "the breaker opened");
                opened = Duration.ofNanos(System.nanoTime() - killedAt);
                awaitState(server, state -> state == RedisGuard.State.CLOSED, "the breaker closed after the failover");
                healedAfter = Duration.ofNanos(System.nanoTime() - killedAt);
                healed.set(true);
                Thread.sleep(1_500);
                running.set(false);
                for (Future<?> future : work) {
                    future.get();
                }
            }
            System.out.println("failover: breaker opened " + opened.toMillis() + " ms and closed " + healedAfter.toMillis()
                    + " ms after the kill, " + reads.sum()
                    + " reads, " + failures.size() + " failed, " + stale.size() + " stale, " + hitsAfterHeal.sum()
                    + " cache hits after healing");
            assertTrue(failures.isEmpty(), failures.size() + " requests failed, first " + failures.peek());
            assertTrue(stale.isEmpty(), stale.size() + " stale reads, first " + stale.peek());
            assertTrue(server.cache().guard().flushedKeys() > flushedBefore, "every master was flushed before closing");
            assertTrue(hitsAfterHeal.sum() > 0, "the cache serves again after the failover");
        }
    }

    private static long user(int index) {
        return 40 + index;
    }

    private static void rename(ApiClient api, long user, long version) {
        Reply reply = api.put("/api/profiles/" + user, TestServers.ADMIN_TOKEN, "{\"displayName\":\"v" + version + "\"}");
        assertEquals(200, reply.status(), reply.raw().body());
    }

    /** The builder sets 5 s; a replica then waits that long before it takes over. */
    private static void shortenNodeTimeout(EmbeddedCluster cluster) {
        cluster.servers().forEach(node -> command(node, "CONFIG", "SET", "cluster-node-timeout", "1000"));
    }

    private static void command(Redis node, String... words) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + node.ports().getFirst());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
            Arrays.stream(words).skip(1).forEach(args::add);
            connection.sync().dispatch(CommandType.valueOf(words[0]), new StatusOutput<>(StringCodec.UTF8), args);
        } finally {
            client.shutdown();
        }
    }

    private interface StateCondition {
        boolean holds(RedisGuard.State state);
    }

    private static void awaitState(CacheDeckServer server, StateCondition condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + HEAL_LIMIT.toNanos();
        while (!condition.holds(server.cache().guard().state())) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
