package dev.cachedeck.server.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every kind of answer names the instance that gave it, and so do its stats, traces and invalidation log. With
 * no id configured and a loopback bind address, the id is that address and the port the listener got.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceIdInResponsesTest {
    private CacheDeckServer server;
    private ApiClient api;
    private String id;

    @BeforeAll
    void start() {
        server = TestServers.start();
        api = new ApiClient(server.baseUri());
        id = "127.0.0.1:" + server.port();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyKindOfResponseCarriesTheInstanceHeader() {
        Reply first = api.get("/api/get-profile/7");
        Reply cached = api.get("/api/get-profile/7");
        Reply notModified = api.send(api.request("/api/get-profile/7", null)
                .header("If-None-Match", cached.header("ETag")).GET().build());
        Reply head = api.send(api.request("/api/get-profile/7", null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        List<Reply> replies = List.of(first, cached, notModified,
                api.get("/api/get-profile/not-a-number"),
                api.get("/api/no/such/route"),
                api.get(ApiPaths.ADMIN_STATS),
                api.get(ApiPaths.ADMIN_STATS, TestServers.ADMIN_TOKEN),
                api.get(ApiPaths.HEALTH));

        assertEquals(List.of(200, 200, 304, 400, 404, 401, 200, 200), replies.stream().map(Reply::status).toList());
        // Whatever HEAD answers (the hardening issue gives every GET route one), the answer names the instance.
        assertEquals(id, head.header(ApiPaths.HEADER_INSTANCE));
        assertEquals(id, metricsInstanceHeader());
        assertEquals("api=HIT", cached.header(ApiPaths.HEADER_CACHE));
        replies.forEach(reply -> assertEquals(id, reply.header(ApiPaths.HEADER_INSTANCE),
                () -> reply.raw().request().method() + " " + reply.raw().uri() + " answered " + reply.status()));
    }

    /** The Prometheus text is no JSON for {@link ApiClient} to parse. */
    private String metricsInstanceHeader() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(server.baseUri().resolve(ApiPaths.METRICS)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue(ApiPaths.HEADER_INSTANCE).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void statsTracesAndTheInvalidationLogNameTheInstance() {
        api.get("/api/jobs/3");
        JsonNode stats = api.get(ApiPaths.ADMIN_STATS, TestServers.ADMIN_TOKEN).json();
        JsonNode traces = api.get(ApiPaths.ADMIN_TRACES + "?limit=1", TestServers.ADMIN_TOKEN).json();
        JsonNode invalidated = api.post(ApiPaths.ADMIN_INVALIDATE, TestServers.ADMIN_TOKEN,
                "{\"entity\":\"user\",\"id\":7}").json();
        JsonNode log = api.get(ApiPaths.ADMIN_INVALIDATIONS, TestServers.ADMIN_TOKEN).json();

        assertEquals(id, stats.get("instance").asText());
        assertEquals(id, traces.get(0).get("instance").asText());
        assertEquals(id, invalidated.get("instance").asText());
        assertEquals(id, log.get(0).get("instance").asText());
    }
}
