package dev.cachedeck.server.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.EmbeddedCluster;
import dev.cachedeck.server.TestServers;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Finding out what {@code REDIS_URL} names, and what the server reports about a cluster's masters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest {
    private static final RedisTimeouts TIMEOUTS = new RedisTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));

    private EmbeddedCluster cluster;

    @BeforeAll
    void start() {
        cluster = EmbeddedCluster.start();
    }

    @AfterAll
    void stop() {
        cluster.close();
    }

    @Test
    void oneNodeOfAClusterIsEnoughToFindEveryMaster() {
        try (RedisConnection redis = connected(cluster.oneNodeUrl())) {
            assertTrue(redis.cluster());
            List<RedisNode> masters = redis.masters();
            assertEquals(3, masters.size(), masters.toString());
            assertEquals(RedisNode.SLOTS, masters.stream().mapToInt(RedisNode::slotCount).sum());
            assertEquals(0, masters.getFirst().firstSlot(), "lowest slot first");
            assertEquals(3, masters.stream().map(RedisNode::address).distinct().count());
        }
    }

    @Test
    void seedsThatDoNotAnswerAreSkipped() {
        String url = "redis://127.0.0.1:1, " + cluster.oneNodeUrl().substring("redis://".length());
        try (RedisConnection redis = connected(url)) {
            assertTrue(redis.cluster());
            redis.sync().set("cd:q:seeded", "1".getBytes());
            assertEquals("1", new String(redis.sync().get("cd:q:seeded")));
        }
    }

    @Test
    void aStandaloneServerIsOneMasterThatOwnsEverySlot() {
        try (EmbeddedRedis standalone = EmbeddedRedis.start("16mb");
             RedisConnection redis = connected(standalone.url())) {
            assertFalse(redis.cluster());
            List<RedisNode> masters = redis.masters();
            assertEquals(1, masters.size());
            assertEquals(RedisNode.SLOTS, masters.getFirst().slotCount());
        }
    }

    @Test
    void theServerReportsEachMasterAndTheirSumAndIsHealthyOnlyWithEverySlotServed() {
        try (CacheDeckServer server = TestServers.started(TestServers.settings().withRedisUrl(cluster.url()))) {
            ApiClient api = new ApiClient(server.baseUri());
            for (int user = 1; user <= 12; user++) {
                api.get("/api/get-profile/" + user);
            }
            JsonNode nodes = api.get(ApiPaths.ADMIN_REDIS_NODES, TestServers.ADMIN_TOKEN).json();
            assertEquals(3, nodes.size(), nodes.toString());
            List<JsonNode> rows = StreamSupport.stream(nodes.spliterator(), false).toList();
            assertEquals(RedisNode.SLOTS, rows.stream().mapToInt(row -> row.get("slots").asInt()).sum());
            Set<String> addresses = new HashSet<>();
            rows.forEach(row -> addresses.add(row.get("address").asText()));
            assertEquals(3, addresses.size());
            assertTrue(rows.stream().allMatch(row -> row.at("/figures/keys").asLong() > 0), "entries on every master");

            long summed = rows.stream().mapToLong(row -> row.at("/figures/usedMemoryBytes").asLong()).sum();
            long memory = awaitStatsRedisMemory(api);
            assertTrue(memory > rows.getFirst().at("/figures/usedMemoryBytes").asLong() * 2,
                    "Redis-wide memory is the masters' sum (" + summed + "), not one master's: " + memory);

            JsonNode health = api.get(ApiPaths.HEALTH).json();
            assertEquals("UP", health.at("/components/redis/status").asText(), health.toString());
            assertTrue(health.at("/components/redis/detail").asText().contains("3 masters serving 16384 of 16384 slots"),
                    health.toString());
        }
    }

    /**
     * A connection that has reached its server: on a loaded machine the first attempt can outlast its timeout, and
     * the connection then keeps trying in the background, reporting no mode until it gets through.
     */
    private static RedisConnection connected(String url) {
        RedisConnection redis = new RedisConnection(url, TIMEOUTS);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                redis.masters();
                return redis;
            } catch (RedisException notYet) {
                if (System.nanoTime() > deadline) {
                    redis.close();
                    throw new AssertionError("not connected to " + url + " within 20 s", notYet);
                }
                pause(100);
            }
        }
    }

    private static long awaitStatsRedisMemory(ApiClient api) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode redis = api.get(ApiPaths.ADMIN + "/stats", TestServers.ADMIN_TOKEN).json().get("redis");
            if (redis != null && !redis.isNull()) {
                return redis.get("usedMemoryBytes").asLong();
            }
            pause(200);
        }
        throw new AssertionError("no Redis figures in the stats");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
