package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeCodecTest {
    private final EnvelopeCodec codec = new EnvelopeCodec(1024);

    @Test
    void largePayloadsAreStoredDeflatedAndComeBackIdentical() {
        byte[] payload = "{\"reviews\":[\"a fine review\"]}".repeat(200).getBytes(StandardCharsets.UTF_8);
        Envelope envelope = new Envelope(Map.of("user:1", 7L, "reviews-received:1", 9L), payload);

        byte[] stored = codec.encode(envelope);
        Envelope decoded = codec.decode(stored);

        assertTrue(stored.length < payload.length / 4, "stored " + stored.length + " bytes for " + payload.length);
        assertArrayEquals(payload, decoded.payload());
        assertEquals(envelope.tags(), decoded.tags());
    }

    @Test
    void smallPayloadsAreStoredAsTheyAre() {
        byte[] payload = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

        byte[] stored = codec.encode(new Envelope(Map.of(), payload));

        assertArrayEquals(payload, Arrays.copyOfRange(stored, stored.length - payload.length, stored.length));
        assertArrayEquals(payload, codec.decode(stored).payload());
    }

    @Test
    void truncatedForeignAndTamperedBytesAreReportedAsCorrupt() {
        byte[] stored = codec.encode(new Envelope(Map.of("job:3", 1L), "x".repeat(5000).getBytes(StandardCharsets.UTF_8)));
        byte[] tampered = stored.clone();
        tampered[tampered.length - 10] ^= 0x5a;

        for (byte[] bad : new byte[][] {Arrays.copyOf(stored, stored.length / 2), "{\"id\":1}".getBytes(StandardCharsets.UTF_8),
                tampered, new byte[0]}) {
            assertThrows(EnvelopeCodec.CorruptEntryException.class, () -> codec.decode(bad));
        }
    }

    @Test
    void corruptObjectEntryIsAMissThatLoadsAndStoresAFreshValue() {
        try (CacheHarness cache = new CacheHarness()) {
            String key = "cd:q:test:corrupt";
            var redis = cache.connection.sync();
            redis.set(key, "not an envelope".getBytes(StandardCharsets.UTF_8));
            CachedRead<String> read = CachedRead.of(Tier.QUERY, "test:corrupt", DataType.PROFILE, String.class, Set.of());
            AtomicInteger loads = new AtomicInteger();

            String value = cache.engine.fetch(read, () -> "loaded-" + loads.incrementAndGet());

            assertEquals("loaded-1", value);
            assertEquals("\"loaded-1\"", new String(codec.decode(redis.get(key)).payload(), StandardCharsets.UTF_8));
            assertEquals("loaded-1", cache.engine.fetch(read, () -> "loaded-" + loads.incrementAndGet()));
            assertEquals(1, loads.get());
        }
    }

    @Test
    void corruptResponseEntryIsServedFromTheDatabaseAndReplaced() {
        try (CacheDeckServer server = TestServers.start();
             RedisProbe redis = new RedisProbe(server.embeddedRedis().orElseThrow().url())) {
            ApiClient api = new ApiClient(server.baseUri());
            Reply first = api.get("/api/get-profile/3");
            String key = redis.keys("cd:api:profile:*").getFirst();
            redis.redis().set(key, "garbage");

            Reply afterCorruption = api.get("/api/get-profile/3");

            assertEquals(200, afterCorruption.status());
            assertEquals(first.json(), afterCorruption.json());
            assertTrue(afterCorruption.header("X-Cache").startsWith("api=MISS"), afterCorruption.header("X-Cache"));
            assertEquals("api=HIT", api.get("/api/get-profile/3").header("X-Cache"), "the entry was stored again");
        }
    }
}
