package dev.cachedeck.server.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.redis.EmbeddedRedis;
import org.junit.jupiter.api.Test;

/** The health endpoint needs no token, so it must not print the Redis password. */
class HealthRedactionTest {
    private static final String PASSWORD = "s3cret-pass";

    @Test
    void healthDetailHidesThePasswordOfRedisUrl() {
        try (EmbeddedRedis external = EmbeddedRedis.start("64mb")) {
            try (RedisProbe probe = new RedisProbe(external.url())) {
                probe.redis().configSet("requirepass", PASSWORD);
            }
            String url = "redis://:" + PASSWORD + "@127.0.0.1:" + external.port();
            try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings().withRedisUrl(url))) {
                Reply health = new ApiClient(server.baseUri()).get("/observe/health");
                String detail = health.json().at("/components/redis/detail").asText();
                assertEquals("UP", health.json().at("/components/redis/status").asText(), health.raw().body());
                assertFalse(health.raw().body().contains(PASSWORD), health.raw().body());
                assertTrue(detail.contains("redis://:***@127.0.0.1:" + external.port()), detail);
            }
        }
    }
}
