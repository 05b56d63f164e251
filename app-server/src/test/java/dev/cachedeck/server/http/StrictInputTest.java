package dev.cachedeck.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ids and numbers are ASCII digits; bodies mean exactly what their JSON says; text holds no control characters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest {
    private static final String ADMIN = TestServers.ADMIN_TOKEN;
    private CacheDeckServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        server = TestServers.start();
        api = new ApiClient(server.baseUri());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/get-profile/%D9%A5, userId",
            "/api/get-profile/%2B5, userId",
            "/api/get-profile/-5, userId",
            "/api/get-profile/%EF%BC%95, userId",
            "/api/reviews/2?size=%2B5, size",
            "/api/reviews/2?size=%D9%A5, size",
            "/api/clientjobs/1?page=%2B1, page",
            "/admin/traces?limit=%2B3, limit",
            "/admin/tokens?limit=%2B3, limit",
            "/admin/stats?since=%2010, since",
    })
    void numbersOtherThanAsciiDigitsAreRefused(String path, String field) {
        assertFieldRefused(api.get(path, ADMIN), field);
    }

    @Test
    void signedIdDeletesNothing() {
        assertFieldRefused(api.delete("/api/reviews/%2B1", ADMIN), "reviewId");
        assertEquals(200, api.patch("/api/reviews/1", ADMIN, "{\"read\":true}").status(), "review 1 is still there");
    }

    @Test
    void asciiDigitsStillWork() {
        assertEquals(200, api.get("/api/get-profile/5").status());
        assertEquals(200, api.get("/api/reviews/2?size=5").status());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/payments | {\"payerId\":\"4\",\"payeeId\":5,\"amount\":10,\"currency\":\"USD\"} | payerId",
            "/api/payments | {\"payerId\":4,\"payeeId\":5,\"amount\":\"10\",\"currency\":\"USD\"} | amount",
            "/api/payments | {\"payerId\":4,\"payeeId\":5,\"amount\":10,\"currency\":840} | currency",
            "/api/reviews | {\"reviewerId\":3,\"reviewedId\":4,\"rating\":5,\"text\":123} | text",
            "/api/reviews | {\"reviewerId\":3,\"reviewedId\":4,\"rating\":true,\"text\":\"ok\"} | rating",
            "/api/jobs | {\"clientId\":1,\"title\":\"t\",\"description\":\"d\",\"budget\":10,\"status\":1} | status",
            "/api/jobs | {\"clientId\":1,\"title\":\"t\",\"description\":\"d\",\"budget\":10,\"status\":\"OPEN\\u0000\"} | status",
            "/api/jobs | {\"clientId\":1,\"title\":\"t\",\"description\":\"d\",\"budget\":10,\"status\":\" OPEN\"} | status",
            "/admin/bench | {\"phases\":[1]} | phases.[0]",
    })
    void wrongJsonTypesAreRefusedNotCoerced(String path, String body, String field) {
        assertFieldRefused(api.post(path, ADMIN, body), field);
    }

    @Test
    void numbersAndBooleansAreNotCoercedInPatches() {
        assertFieldRefused(api.patch("/api/reviews/1", ADMIN, "{\"read\":1}"), "read");
        assertFieldRefused(api.patch("/api/reviews/1", ADMIN, "{\"read\":\"true\"}"), "read");
    }

    @Test
    void fieldGivenTwiceIsRefused() {
        Reply reply = api.post("/api/payments", ADMIN,
                "{\"payerId\":4,\"payeeId\":5,\"amount\":10,\"currency\":\"USD\",\"amount\":999}");
        assertFieldRefused(reply, "amount");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/profiles/3 | PUT | {\"bio\":\"a\\u0000b\"} | bio",
            "/api/profiles/3 | PUT | {\"displayName\":\"x\\u001b[31m\"} | displayName",
            "/api/profiles/3 | PUT | {\"skills\":[\"Java\\r\"]} | skills.[0]",
            "/api/reviews | POST | {\"reviewerId\":3,\"reviewedId\":4,\"rating\":5,\"text\":\"a\\u0007\"} | text",
            "/api/reviews/1 | PATCH | {\"text\":\"\\u0000\"} | text",
    })
    void controlCharactersInTextAreRefusedNamingTheField(String path, String method, String body, String field) {
        Reply reply = switch (method) {
            case "PUT" -> api.put(path, ADMIN, body);
            case "PATCH" -> api.patch(path, ADMIN, body);
            default -> api.post(path, ADMIN, body);
        };
        assertFieldRefused(reply, field);
        assertTrue(reply.json().toString().contains("control characters"), reply.raw().body());
    }

    @Test
    void tabAndNewlineAreText() {
        Reply reply = api.put("/api/profiles/3", ADMIN, "{\"bio\":\"line one\\n\\tline two\"}");
        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals("line one\n\tline two", reply.json().get("bio").asText());
    }

    private static void assertFieldRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.raw().body());
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(reply.json().toString().contains("\"field\":\"" + field + "\""), reply.raw().body());
    }
}
