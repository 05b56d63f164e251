package dev.cachedeck.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.RedisProbe;
import dev.cachedeck.server.TestRedis;
import dev.cachedeck.server.TestServers;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A real server with embedded Redis, plus keys of other applications planted in the same Redis. */
final class KeyAdminFixture implements AutoCloseable {
    /** Keys another application owns; none may ever be listed or removed. */
    static final Map<String, String> FOREIGN = Map.of(
            "other:app:1", "theirs", "cdx:1", "theirs", "cd", "theirs", "xcd:q:1", "theirs", "CD:q:1", "theirs",
            "cd*:1", "theirs");
    static final String ADMIN = TestServers.ADMIN_TOKEN;

    private final TestRedis backend;
    final CacheDeckServer server;
    final ApiClient api;
    private final RedisProbe probe;

    KeyAdminFixture(TestRedis backend) {
        this.backend = backend;
        server = backend.start();
        api = new ApiClient(server.baseUri());
        probe = backend.probe(server);
        plantForeignKeys();
    }

    RedisClusterCommands<String, String> redis() {
        return probe.redis();
    }

    void plantForeignKeys() {
        FOREIGN.forEach((key, value) -> redis().set(key, value));
    }

    void assertForeignKeysSurvive() {
        FOREIGN.forEach((key, value) -> assertEquals(value, redis().get(key), "foreign key " + key));
    }

    /** Ground truth from Redis itself. */
    List<String> keys(String pattern) {
        return probe.keys(pattern);
    }

    /** Reads each path until the response tier holds it. */
    void warm(String... paths) {
        for (String path : paths) {
            assertEquals(200, api.get(path).status(), path);
            assertEquals("api=HIT", api.get(path).header("X-Cache"), path);
        }
    }

    static String encoded(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    Reply post(String path, String json) {
        return api.post(path, ADMIN, json);
    }

    static void assertProblem(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.raw().body());
        assertEquals("application/problem+json", reply.contentType(), reply.raw().body());
        JsonNode json = reply.json();
        assertEquals(status, json.get("status").asInt());
        String body = reply.raw().body();
        if (body.contains("ERR") || body.contains("WRONGTYPE") || body.contains("Exception")) {
            throw new AssertionError("a Redis or Java error leaked: " + body);
        }
    }

    @Override
    public void close() {
        probe.close();
        server.close();
        backend.close();
    }
}
