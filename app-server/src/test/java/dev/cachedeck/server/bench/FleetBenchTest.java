package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The bench against one instance of two sharing a Redis: switches reach both, the report names who answered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetBenchTest {
    private EmbeddedRedis redis;
    private CacheDeckServer a;
    private CacheDeckServer b;

    @BeforeAll
    void start() {
        redis = EmbeddedRedis.start("64mb");
        a = CacheDeckServer.start(TestServers.settings(Map.of("cachedeck.redis.url", redis.url())));
        b = CacheDeckServer.start(TestServers.settings(Map.of("cachedeck.redis.url", redis.url())));
    }

    @AfterAll
    void stop() {
        b.close();
        a.close();
        redis.close();
    }

    @Test
    void aSwitchSentToOneInstanceReachesEveryRegisteredInstance() {
        ScenarioServer fleet = FleetAdminServer.of(a.baseUri(), TestServers.ADMIN_TOKEN);
        ScenarioServer.Saved saved = fleet.save();
        try {
            fleet.setCacheEnabled(false);
            assertFalse(a.cache().toggles().cacheEnabled());
            assertFalse(b.cache().toggles().cacheEnabled(), "the other instance is switched too");
        } finally {
            fleet.restore(saved);
        }
        assertTrue(b.cache().toggles().cacheEnabled());
    }

    @Test
    void eachPhaseCountsTheAnswersOfTheInstanceThatGaveThem(@TempDir Path dir) throws Exception {
        BenchOptions options = BenchOptions.parse(List.of("--server", a.baseUri().toString(), "--phases", "off,warm",
                "--duration", "1", "--warmup", "0.5", "--capacity", "0", "--rate", "100", "--concurrency", "4",
                "--seed", "3", "--out", dir.toString()), Optional.of(TestServers.ADMIN_TOKEN));
        int exit = new BenchClient(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), false)
                .run(options, a.baseUri(), TestServers.ADMIN_TOKEN, TestServers.settings().bench(),
                        BenchClient.SEPARATE);

        assertEquals(0, exit);
        BenchReport report = CacheDeckJson.newMapper().readValue(Files.readAllBytes(dir.resolve("report.json")),
                BenchReport.class);
        for (PhaseResult phase : report.phases()) {
            assertEquals(Map.of("127.0.0.1:" + a.port(), phase.requests()), phase.answeredBy(),
                    phase.phase().wireName());
        }
    }
}
