package dev.cachedeck.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.cache.RedisGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis answering with an error about the command is not an outage. */
class RedisRefusalTest {

    @Test
    void ttlChangeOnAListUnderThePrefixIsAConflictInWordsAndRedisStaysInUse() {
        // Redis commands get 2 s: a command slowed past the shipped 250 ms by a loaded machine would open the breaker,
        // and this test is about refusals never doing so.
        try (CacheDeckServer server = TestServers.started(
                     TestServers.settings(Map.of("cachedeck.redis.command-timeout", "PT2S")));
             RedisProbe redis = new RedisProbe(server.embeddedRedis().orElseThrow().url())) {
            ApiClient api = new ApiClient(server.baseUri());
            redis.redis().rpush("cd:q:not-an-entry", "a", "b");

            for (int attempt = 0; attempt < 5; attempt++) {
                Reply reply = api.put("/admin/keys/cd%3Aq%3Anot-an-entry/ttl", TestServers.ADMIN_TOKEN,
                        "{\"ttlMillis\":60000}");
                assertEquals(409, reply.status(), reply.raw().body());
                assertTrue(reply.json().get("detail").asText().contains("another kind of value"), reply.raw().body());
            }

            assertEquals(RedisGuard.State.CLOSED, server.cache().guard().state(), "the breaker stays closed");
            assertEquals("UP", api.get("/observe/health").json().get("status").asText());
            Reply cached = api.getUntilCached("/api/get-profile/1");
            assertTrue(cached.fromResponseCache(), "the cache is still used: " + cached.header("X-Cache"));
        }
    }
}
