package dev.cachedeck.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.metrics.HitPathMeasurement.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The hit-path benchmark measures each kind it names: a round whose answers are not that kind (a near hit that was
 * a Redis hit, say) fails the run, so these figures are of the right requests. Speed itself is not asserted.
 */
class HitPathMeasurementTest {

    @Test
    void everyKindIsMeasuredAsWhatItClaimsAndTheNearTierIsLeftOn() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (CacheDeckServer server = TestServers.start()) {
            HitPathMeasurement.Result result = new HitPathMeasurement(Duration.ofMillis(300), 2, 2,
                    new PrintStream(printed, true, StandardCharsets.UTF_8)).run(server.baseUri(), TestServers.ADMIN_TOKEN);

            assertEquals(2, result.rounds().size());
            for (Kind kind : Kind.values()) {
                assertTrue(result.median(kind) > 0, kind + " was measured");
            }
            assertEquals(1.0, result.ratio(Kind.TRIVIAL), 1e-9);
            assertTrue(server.cache().toggles().tierEnabled(Tier.NEAR), "the near tier is switched back on");
            assertTrue(server.cache().counters().total(Tier.NEAR).hits() > 0);
            assertTrue(server.cache().counters().total(Tier.RESPONSE).misses() > 0);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("near hit / trivial"), text);
        assertTrue(text.contains("CPU per request: generator"), text);
    }
}
