package dev.cachedeck.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private static final String NO_ROUTE = "no resource at";
    private final HttpClient http = HttpClient.newHttpClient();
    private CacheDeckServer server;

    @BeforeAll
    void start() {
        server = TestServers.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theServerServesItsOwnDescription() throws Exception {
        HttpResponse<String> response = http.send(request("/observe/openapi.yaml", "GET").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"));
        assertEquals("3.1.0", document(response.body()).get("openapi"));
    }

    /** Malformed bodies and the admin token: every documented operation must reach a handler, none may be unrouted. */
    @Test
    void everyDocumentedOperationExists() throws Exception {
        String yaml = http.send(request("/observe/openapi.yaml", "GET").build(), HttpResponse.BodyHandlers.ofString()).body();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document(yaml).get("paths");
        List<String> unrouted = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                String concrete = path.getKey().replaceAll("\\{tier}", "query").replaceAll("\\{key}", "cd:absent")
                        .replaceAll("\\{[^}]+}", "1");
                String upper = method.toUpperCase(Locale.ROOT);
                HttpRequest.Builder request = request(concrete, upper).header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN);
                if (!upper.equals("GET") && !upper.equals("DELETE")) {
                    request.header("Content-Type", "application/json");
                }
                if (reachesNoRoute(request.build())) {
                    unrouted.add(upper + " " + path.getKey());
                }
            }
        }
        assertTrue(paths.size() > 10, "paths: " + paths.keySet());
        assertEquals(List.of(), unrouted);
    }

    private boolean reachesNoRoute(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 404) {
                return false;
            }
            return new String(body.readAllBytes(), StandardCharsets.UTF_8).contains(NO_ROUTE);
        }
    }

    private HttpRequest.Builder request(String path, String method) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{");
        return HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(10)).method(method, body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String yaml) {
        return (Map<String, Object>) new Yaml().load(yaml);
    }
}
