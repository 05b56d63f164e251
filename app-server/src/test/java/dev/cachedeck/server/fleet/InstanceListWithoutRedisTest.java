package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import org.junit.jupiter.api.Test;

class InstanceListWithoutRedisTest {

    @Test
    void withRedisDownTheListIsThisInstanceAloneAndSaysItIsPartial() {
        try (CacheDeckServer server = TestServers.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            server.embeddedRedis().orElseThrow().stop();

            Reply reply = api.get(ApiPaths.ADMIN_INSTANCES, TestServers.ADMIN_TOKEN);

            assertEquals(200, reply.status());
            JsonNode list = reply.json();
            String id = "127.0.0.1:" + server.port();
            assertTrue(list.get("partial").asBoolean());
            assertEquals(1, list.get("instances").size());
            assertEquals(id, list.get("instances").get(0).get("id").asText());
            assertEquals(server.baseUri().toString(), list.get("instances").get(0).get("url").asText());
        }
    }
}
