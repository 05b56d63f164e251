package dev.cachedeck.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the whole server: embedded Redis, an external Redis from REDIS_URL, file storage. */
class ServerLifecycleTest {

    @Test
    void embeddedRedisStartsWithTheServerAndStopsWithIt() {
        EmbeddedRedis redis;
        try (CacheDeckServer server = TestServers.start()) {
            redis = server.embeddedRedis().orElseThrow();
            assertTrue(accepts(redis.port()), "embedded redis listens while the server runs");
            JsonNode health = new ApiClient(server.baseUri()).get("/observe/health").json();
            assertEquals("UP", health.get("status").asText());
            assertTrue(health.at("/components/redis/detail").asText().contains(redis.url()), health.toString());
        }
        assertFalse(redis.isRunning());
        assertTrue(closesWithin(redis.port(), Duration.ofSeconds(5)), "no redis-server outlives the server");
    }

    @Test
    void redisUrlPointsAtAnExternalRedisThatOutlivesTheServer() {
        try (EmbeddedRedis external = EmbeddedRedis.start("64mb")) {
            try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings().withRedisUrl(external.url()))) {
                assertTrue(server.embeddedRedis().isEmpty(), "no embedded redis when REDIS_URL is set");
                Reply health = new ApiClient(server.baseUri()).get("/observe/health");
                assertEquals(200, health.status());
                assertTrue(health.json().at("/components/redis/detail").asText().contains(external.url()));
            }
            assertTrue(accepts(external.port()), "the server must not stop a Redis it did not start");
        }
    }

    @Test
    void serverStartsWhileRedisIsUnreachableAndCachesOnceItAppears() throws InterruptedException {
        try (EmbeddedRedis external = EmbeddedRedis.start("64mb")) {
            external.stop();
            try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings().withRedisUrl(external.url()))) {
                ApiClient api = new ApiClient(server.baseUri());
                Reply whileDown = api.get("/api/get-profile/1");
                assertEquals(200, whileDown.status());
                assertEquals("DEGRADED", api.get("/observe/health").json().get("status").asText());

                external.restart();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                String xCache = whileDown.header("X-Cache");
                while (!xCache.equals("api=HIT") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    xCache = api.get("/api/get-profile/1").header("X-Cache");
                }
                assertEquals("api=HIT", xCache, "caching resumes once Redis can be reached");
                assertEquals("UP", api.get("/observe/health").json().get("status").asText());
            }
        }
    }

    @Test
    void healthIsDegradedButServingWhenRedisStops() {
        try (CacheDeckServer server = TestServers.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            server.embeddedRedis().orElseThrow().stop();

            Reply health = api.get("/observe/health");
            assertEquals(200, health.status(), "Redis down is degraded, not down");
            assertEquals("DEGRADED", health.json().get("status").asText());
            assertEquals("DOWN", health.json().at("/components/redis/status").asText());
            assertEquals("UP", health.json().at("/components/database/status").asText());
            assertEquals(200, api.get("/api/get-profile/1").status());
        }
    }

    @Test
    void fileDatabaseIsLoadedOnceAndKeepsWritesAcrossRestarts(@TempDir Path dataDir) {
        String changedName = "Renamed Between Restarts";
        try (CacheDeckServer first = CacheDeckServer.start(TestServers.settings().withDataDir(dataDir))) {
            Reply updated = new ApiClient(first.baseUri()).put("/api/profiles/1", TestServers.ADMIN_TOKEN,
                    "{\"displayName\":\"" + changedName + "\"}");
            assertEquals(200, updated.status(), updated.raw().body());
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("cachedeck.mv.db")), "the database lives under the data dir");
        try (CacheDeckServer second = CacheDeckServer.start(TestServers.settings().withDataDir(dataDir))) {
            JsonNode profile = new ApiClient(second.baseUri()).get("/api/get-profile/1").json();
            assertEquals(changedName, profile.get("displayName").asText(), "a reload would have overwritten the edit");
        }
    }

    /** The child process may take a moment to exit after it was told to stop. */
    private static boolean closesWithin(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepts(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
