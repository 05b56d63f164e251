package dev.cachedeck.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.docs.OpenApiDocument;
import dev.cachedeck.server.runtime.RawConnection.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** HEAD wherever GET is served: the GET's status and headers, no content, and the connection stays in step. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestTest {
    private static final String ADMIN = "Authorization: Bearer " + TestServers.ADMIN_TOKEN;
    private CacheDeckServer server;
    private JsonNode document;

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
    void everyDocumentedGetAnswersHeadWithItsStatusAndHeadersAndNoContent() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (RawConnection connection = new RawConnection(server.port())) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getValue().has("get")) {
                    continue;
                }
                String concrete = OpenApiDocument.concrete(path.getKey());
                boolean stream = path.getValue().get("get").toString().contains("text/event-stream");
                Reply get = stream ? openStreamAlone(concrete) : connection.exchange("GET", concrete, ADMIN);
                Reply head = connection.exchange("HEAD", concrete, ADMIN);
                String mismatch = compare(concrete, get, head, stream);
                if (mismatch != null) {
                    mismatches.add(mismatch);
                }
                Reply next = connection.exchange("GET", "/api/ping");
                assertEquals(200, next.status(), "after HEAD " + concrete);
                checked++;
            }
            assertEquals(0, connection.strayBytes(100), "bytes no response accounts for");
        }
        assertTrue(checked > 20, "GET operations checked: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void headOfAnUnknownPathIsANotFoundWithoutContent() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            Reply head = connection.exchange("HEAD", "/nowhere/at/all");
            assertEquals(404, head.status());
            assertEquals("application/problem+json", head.header("Content-Type"));
            assertEquals(200, connection.exchange("GET", "/api/ping").status());
            assertEquals(0, connection.strayBytes(100));
        }
    }

    @Test
    void headAfterACachedGetIsServedByTheCacheWithTheSameEtag() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            connection.exchange("GET", "/api/get-profile/3");
            Reply hit = connection.exchange("GET", "/api/get-profile/3");
            Reply head = connection.exchange("HEAD", "/api/get-profile/3");
            assertTrue(head.header("X-Cache").matches(".*(api|near)=HIT.*"), head.header("X-Cache"));
            assertEquals("0", head.header("X-DB-Queries"));
            assertNotNull(hit.header("ETag"));
            assertEquals(hit.header("ETag"), head.header("ETag"));
            assertEquals(Integer.toString(hit.body().length), head.header("Content-Length"));

            Reply unchanged = connection.exchange("HEAD", "/api/get-profile/3", "If-None-Match: " + hit.header("ETag"));
            assertEquals(304, unchanged.status());
            assertEquals(200, connection.exchange("GET", "/api/ping").status());
        }
    }

    @Test
    void headThatMissesStoresNothing() throws Exception {
        try (RawConnection connection = new RawConnection(server.port())) {
            Reply head = connection.exchange("HEAD", "/api/jobs/7");
            assertTrue(head.header("X-Cache").contains("api=MISS"), head.header("X-Cache"));
            Reply get = connection.exchange("GET", "/api/jobs/7");
            assertTrue(get.header("X-Cache").contains("api=MISS"), "the HEAD filled the entry: " + get.header("X-Cache"));
            assertEquals(Integer.toString(get.body().length), head.header("Content-Length"));
            assertTrue(connection.exchange("GET", "/api/jobs/7").header("X-Cache").contains("api=HIT"));
        }
    }

    private static String compare(String path, Reply get, Reply head, boolean stream) {
        if (head.status() != get.status()) {
            return "HEAD " + path + ": " + head.status() + ", GET: " + get.status();
        }
        if (!String.valueOf(get.header("Content-Type")).equals(String.valueOf(head.header("Content-Type")))) {
            return "HEAD " + path + ": Content-Type " + head.header("Content-Type") + ", GET: " + get.header("Content-Type");
        }
        // Bodies that describe the server's own state change between the two calls; the rest must announce the same length.
        boolean stable = path.startsWith("/api/") || path.equals("/observe/openapi.yaml");
        if (!stream && stable && !Integer.toString(get.body().length).equals(head.header("Content-Length"))) {
            return "HEAD " + path + ": Content-Length " + head.header("Content-Length") + ", GET body " + get.body().length;
        }
        return null;
    }

    private Reply openStreamAlone(String path) throws IOException {
        try (RawConnection stream = new RawConnection(server.port())) {
            return stream.openStream(path, ADMIN);
        }
    }
}
