package dev.cachedeck.server.restart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed as {@code kill -9} kills it while writers and readers are busy, and started again
 * on the same data directory and the same (external, surviving) Redis.
 */
class CrashRestartTest {
    private static final List<Long> REVIEWED = List.of(2L, 3L, 4L, 5L);
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final long BUSY_MILLIS = 1_500;

    @Test
    void acknowledgedWritesSurviveAKillAndNoCachedReadShowsARowTheDatabaseLacks(@TempDir Path dataDir)
            throws Exception {
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        try (EmbeddedRedis redis = EmbeddedRedis.start("64mb")) {
            ChildServer first = ChildServer.start(dataDir, redis.url());
            busyUntilKilled(first, acknowledged);
            assertFalse(acknowledged.isEmpty(), "some writes were acknowledged before the kill");

            Set<Long> shown = new HashSet<>();
            long createdAfterRestart;
            try (ChildServer second = ChildServer.start(dataDir, redis.url())) {
                ApiClient api = new ApiClient(second.baseUri());
                for (long user : REVIEWED) {
                    for (int read = 0; read < 2; read++) {
                        Reply page = api.get("/api/reviews/" + user + "?size=100");
                        assertEquals(200, page.status(), page.raw().body());
                        if (read == 0) {
                            assertTrue(page.header("X-Cache").startsWith("api=MISS"),
                                    "entries of the killed run are not served: " + page.header("X-Cache"));
                        }
                        page.json().get("reviews").forEach(item -> shown.add(item.get("id").asLong()));
                    }
                }
                createdAfterRestart = newReview(api, 7, 2).json().get("id").asLong();
            }

            Set<Long> stored = reviewIds(dataDir);
            Set<Long> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "acknowledged reviews missing after the restart (of " + acknowledged.size() + ")");
            Set<Long> phantom = new HashSet<>(shown);
            phantom.removeAll(stored);
            assertEquals(Set.of(), phantom, "reviews shown after the restart that the database does not hold");
            assertFalse(acknowledged.contains(createdAfterRestart), "an acknowledged id was handed out again");
        }
    }

    private static void busyUntilKilled(ChildServer server, Set<Long> acknowledged) throws InterruptedException {
        ApiClient api = new ApiClient(server.baseUri());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; running.get(); i++) {
                    long reviewed = REVIEWED.get((writer + i) % REVIEWED.size());
                    try {
                        Reply created = newReview(api, 10 + writer, reviewed);
                        if (created.status() == 201) {
                            acknowledged.add(created.json().get("id").asLong());
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            }));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        api.get("/api/reviews/" + REVIEWED.get(i % REVIEWED.size()) + "?size=100");
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            }));
        }
        while (acknowledged.isEmpty()) {
            Thread.onSpinWait();
        }
        Thread.sleep(BUSY_MILLIS);
        server.kill();
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Reply newReview(ApiClient api, long reviewer, long reviewed) {
        return api.post("/api/reviews", TestServers.ADMIN_TOKEN, """
                {"reviewerId":%d,"reviewedId":%d,"rating":4,"text":"written before a crash"}""".formatted(reviewer, reviewed));
    }

    private static Set<Long> reviewIds(Path dataDir) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cachedeck");
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM reviews")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        assertTrue(ids.size() > 100, "the sample data is there");
        return ids;
    }
}
