package dev.cachedeck.server.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cachedeck.model.CacheDeckJson;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Calls every operation openapi.yaml documents, as the admin (reads with their parameters filled in, writes
 * with a malformed body), and checks each answer against the document: its status is one the operation
 * lists, a JSON body validates against the schema documented for that status and media type, a status
 * documented without content has none, and a problem names the full request path as its instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseSchemaTest {
    private static final ObjectMapper JSON = CacheDeckJson.newMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final HttpClient http = HttpClient.newHttpClient();
    private CacheDeckServer server;
    private ObjectNode document;

    @BeforeAll
    void start() {
        server = TestServers.start();
        document = OpenApiDocument.load();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyDocumentedOperationAnswersAsDocumented() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String concrete = OpenApiDocument.concrete(path.getKey());
                HttpResponse<InputStream> response = http.send(request(concrete, method),
                        HttpResponse.BodyHandlers.ofInputStream());
                String problem = check(method + " " + concrete, concrete, operation.getValue().get("responses"),
                        response);
                if (problem != null) {
                    mismatches.add(problem);
                }
                checked++;
            }
        }
        assertTrue(checked > 30, "operations checked: " + checked);
        assertEquals(List.of(), mismatches);
    }

    private String check(String call, String requestPath, JsonNode responses, HttpResponse<InputStream> response)
            throws IOException {
        String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        try (InputStream stream = response.body()) {
            String status = Integer.toString(response.statusCode());
            JsonNode documented = responses.has(status) ? resolve(responses.get(status)) : null;
            if (documented == null) {
                return call + ": status " + status + " is not documented";
            }
            if (contentType.equals("text/event-stream")) {
                return null;
            }
            String body = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode content = documented.get("content");
            if (content == null) {
                return body.isEmpty() ? null : call + ": " + status + " is documented without content, got " + body;
            }
            if (!content.has(contentType)) {
                return call + ": " + status + " as " + contentType + " is not documented";
            }
            JsonNode schema = content.get(contentType).get("schema");
            if (schema == null || !contentType.contains("json")) {
                return null;
            }
            List<String> errors = validator(schema).validate(body, InputFormat.JSON).stream()
                    .map(Object::toString).toList();
            if (!errors.isEmpty()) {
                return call + ": " + status + " body does not match its schema " + errors;
            }
            if (contentType.equals("application/problem+json")
                    && !JSON.readTree(body).path("instance").asText().equals(requestPath.split("\\?")[0])) {
                return call + ": problem instance is not the request path: " + body;
            }
            return null;
        }
    }

    /** The document itself as the root, so the schema's {@code #/components/...} references resolve. */
    private Schema validator(JsonNode schema) {
        ObjectNode root = document.deepCopy();
        root.remove(List.of("paths", "info", "openapi", "servers", "tags"));
        root.putArray("allOf").add(schema);
        return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
    }

    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.get("$ref");
        return ref == null ? response : document.at(ref.asText().substring(1));
    }


    private HttpRequest request(String path, String method) {
        HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{");
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.baseUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN)
                .method(method, body);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }
}
