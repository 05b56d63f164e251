package dev.cachedeck.server.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Redis entries a restarted server keeps: an external Redis outlives every server here. */
class CacheEpochTest {
    private static final String PROFILE = "/api/get-profile/1";
    private static EmbeddedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = EmbeddedRedis.start("64mb");
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void cleanRestartOnTheSameDatabaseKeepsTheCache(@TempDir Path dataDir) {
        ServerSettings settings = TestServers.settings().withDataDir(dataDir).withRedisUrl(redis.url());
        cacheTheProfile(settings);
        assertEquals("api=HIT", firstRead(settings), "restarting one instance keeps what the fleet cached");
    }

    @Test
    void freshDatabaseDoesNotServeTheEntriesOfTheLastOne() {
        ServerSettings settings = TestServers.settings().withRedisUrl(redis.url());
        cacheTheProfile(settings);
        assertMiss(firstRead(settings), "an in-memory database is new at every start");
    }

    @Test
    void runThatDidNotStopCleanlyLeavesNoEntryBehind(@TempDir Path dataDir) throws IOException {
        ServerSettings settings = TestServers.settings().withDataDir(dataDir).withRedisUrl(redis.url());
        cacheTheProfile(settings);
        Files.writeString(dataDir.resolve(RunMarker.FILE_NAME), "12345");
        assertMiss(firstRead(settings), "a killed run may have committed without invalidating");
        assertEquals("api=HIT", firstRead(settings), "the next clean restart keeps the cache again");
    }

    private static void assertMiss(String xCache, String why) {
        assertTrue(xCache.startsWith("api=MISS"), why + ": X-Cache " + xCache);
    }

    private static void cacheTheProfile(ServerSettings settings) {
        try (CacheDeckServer server = CacheDeckServer.start(settings)) {
            ApiClient api = new ApiClient(server.baseUri());
            api.get(PROFILE);
            assertEquals("api=HIT", api.get(PROFILE).header("X-Cache"));
        }
    }

    private static String firstRead(ServerSettings settings) {
        try (CacheDeckServer server = CacheDeckServer.start(settings)) {
            return new ApiClient(server.baseUri()).get(PROFILE).header("X-Cache");
        }
    }
}
