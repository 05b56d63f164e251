package dev.cachedeck.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The six reads: shapes, paging, and the headers every response carries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRoutesTest {
    private CacheDeckServer server;
    private ApiClient api;
    private Fixtures fixtures;

    /** The server under test: on H2 here, on PostgreSQL in the subclass. */
    CacheDeckServer startServer() {
        return TestServers.start();
    }

    @BeforeAll
    void start() {
        server = startServer();
        api = new ApiClient(server.baseUri());
        fixtures = new Fixtures(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void profileShowsUserAndStatsMatchingTheDatabase() {
        long userId = fixtures.mostReviewedUser();
        Reply reply = api.get("/api/get-profile/" + userId);
        assertEquals(200, reply.status());
        JsonNode profile = reply.json();
        assertEquals(userId, profile.get("id").asLong());
        assertTrue(profile.get("displayName").asText().length() > 1);
        assertTrue(profile.get("skills").isArray());
        assertEquals(fixtures.count("SELECT COUNT(*) FROM reviews WHERE reviewed_id = ?", userId),
                profile.at("/stats/reviewsReceived").asLong());
        assertEquals(fixtures.count("SELECT COUNT(*) FROM reviews WHERE reviewer_id = ?", userId),
                profile.at("/stats/reviewsWritten").asLong());
    }

    @Test
    void everyResponseCarriesDbQueriesAndServerTiming() {
        server.cache().toggles().setCacheEnabled(false);
        Reply reply;
        try {
            reply = api.get("/api/get-profile/1");
        } finally {
            server.cache().toggles().setCacheEnabled(true);
        }
        assertEquals("2", reply.header("X-DB-Queries"), "uncached: the user row and one stats query");
        assertEquals("api=BYPASS, query=BYPASS, model=BYPASS", reply.header("X-Cache"));
        String timing = reply.header("Server-Timing");
        assertNotNull(timing);
        assertTrue(timing.matches("db;desc=\"2 SQL statements\";dur=[0-9.]+, total;dur=[0-9.]+"), timing);
        Reply error = api.get("/api/get-profile/abc");
        assertEquals("0", error.header("X-DB-Queries"));
    }

    @Test
    void reviewsReceivedArePagedNewestFirstWithReviewerNames() {
        long userId = fixtures.mostReviewedUser();
        long total = fixtures.count("SELECT COUNT(*) FROM reviews WHERE reviewed_id = ?", userId);
        Reply reply = api.get("/api/reviews/" + userId + "?page=0&size=5");
        assertEquals(200, reply.status());
        JsonNode body = reply.json();
        assertEquals(total, body.at("/page/total").asLong());
        assertEquals(total, body.at("/rating/count").asLong());
        assertEquals(5, body.at("/rating/distribution").size());
        assertEquals(Math.min(5, total), body.get("reviews").size());
        String previous = null;
        for (JsonNode review : body.get("reviews")) {
            assertTrue(review.get("reviewerName").asText().length() > 1);
            String created = review.get("createdAt").asText();
            assertTrue(previous == null || previous.compareTo(created) >= 0, "newest first");
            previous = created;
        }
        assertTrue(Integer.parseInt(reply.header("X-DB-Queries")) <= 3);
    }

    @Test
    void unreadFilterReturnsOnlyUnreadReviews() {
        long userId = fixtures.mostReviewedUser();
        JsonNode body = api.get("/api/reviews/" + userId + "?filter=unread&size=100").json();
        assertEquals(fixtures.count("SELECT COUNT(*) FROM reviews WHERE reviewed_id = ? AND is_read = FALSE", userId),
                body.at("/page/total").asLong());
        body.get("reviews").forEach(review -> assertTrue(!review.get("read").asBoolean()));
        assertEquals("unread", body.get("filter").asText().toLowerCase());
    }

    @Test
    void pageBeyondTheEndIsEmptyNotAnError() {
        Reply reply = api.get("/api/reviews/1?page=9999&size=100");
        assertEquals(200, reply.status());
        assertEquals(0, reply.json().get("reviews").size());
    }

    @Test
    void reviewsWrittenWorkWithAndWithoutTrailingSlash() {
        long reviewer = fixtures.mostActiveReviewer();
        long total = fixtures.count("SELECT COUNT(*) FROM reviews WHERE reviewer_id = ?", reviewer);
        for (String path : new String[] {"/api/ratings/reviewer_" + reviewer + "/", "/api/ratings/reviewer_" + reviewer}) {
            Reply reply = api.get(path);
            assertEquals(200, reply.status(), path);
            assertEquals(total, reply.json().at("/page/total").asLong());
            reply.json().get("reviews").forEach(r -> assertTrue(r.get("reviewedName").asText().length() > 1));
        }
    }

    @Test
    void jobDetailsIncludeTheClientSummary() {
        long jobId = fixtures.anyJob();
        long clientId = fixtures.count("SELECT client_id FROM jobs WHERE id = ?", jobId);
        Reply reply = api.get("/api/jobs/" + jobId);
        assertEquals(200, reply.status());
        assertEquals(jobId, reply.json().get("id").asLong());
        assertEquals(clientId, reply.json().at("/client/id").asLong());
        assertEquals(fixtures.count("SELECT COUNT(*) FROM jobs WHERE client_id = ?", clientId),
                reply.json().at("/client/jobsPosted").asLong());
    }

    @Test
    void clientJobsListsTheClientsJobsAndFiltersByStatus() {
        long clientId = fixtures.busiestClient();
        JsonNode all = api.get("/api/clientjobs/" + clientId + "?size=100").json();
        assertEquals(fixtures.count("SELECT COUNT(*) FROM jobs WHERE client_id = ?", clientId), all.at("/page/total").asLong());
        JsonNode open = api.get("/api/clientjobs/" + clientId + "?status=open&size=100").json();
        assertEquals(fixtures.count("SELECT COUNT(*) FROM jobs WHERE client_id = ? AND status = 'OPEN'", clientId),
                open.at("/page/total").asLong());
        open.get("jobs").forEach(job -> assertEquals("OPEN", job.get("status").asText()));
    }

    @Test
    void paymentsAreVisibleToTheirOwnerWithTotals() {
        long userId = fixtures.busiestPayer();
        Reply reply = api.get("/api/users/" + userId + "/payments", fixtures.tokenOf(userId));
        assertEquals(200, reply.status());
        long expected = fixtures.count("SELECT COUNT(*) FROM payments WHERE payer_id = ? OR payee_id = ?", userId, userId);
        assertEquals(expected, reply.json().at("/totals/count").asLong());
        assertEquals(expected, reply.json().at("/page/total").asLong());
        reply.json().get("payments").forEach(p ->
                assertTrue(p.get("payerId").asLong() == userId || p.get("payeeId").asLong() == userId));
    }

    @Test
    void paymentsNeedTheOwnersOrTheAdminToken() {
        long userId = fixtures.busiestPayer();
        long other = userId == 1 ? 2 : 1;
        assertProblem(api.get("/api/users/" + userId + "/payments"), 401);
        assertProblem(api.get("/api/users/" + userId + "/payments", "not-a-token"), 401);
        assertProblem(api.get("/api/users/" + userId + "/payments", fixtures.tokenOf(other)), 403);
        assertEquals(200, api.get("/api/users/" + userId + "/payments", TestServers.ADMIN_TOKEN).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "99999999999999999999", "1.5", "%20"})
    void badIdsAreRejectedWith400(String id) {
        for (String path : new String[] {"/api/get-profile/", "/api/jobs/", "/api/clientjobs/", "/api/reviews/"}) {
            assertProblem(api.get(path + id), 400);
        }
        assertProblem(api.get("/api/ratings/reviewer_" + id + "/"), 400);
        assertProblem(api.get("/api/users/" + id + "/payments", TestServers.ADMIN_TOKEN), 400);
    }

    @Test
    void unknownEntitiesAre404() {
        long missing = 987_654_321L;
        for (String path : new String[] {"/api/get-profile/", "/api/jobs/", "/api/clientjobs/", "/api/reviews/"}) {
            Reply reply = api.get(path + missing);
            assertProblem(reply, 404);
            assertTrue(reply.json().get("detail").asText().contains(Long.toString(missing)));
        }
        assertProblem(api.get("/api/ratings/reviewer_" + missing + "/"), 404);
        assertProblem(api.get("/api/users/" + missing + "/payments", TestServers.ADMIN_TOKEN), 404);
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(api.get("/api/reviews/1?filter=everything"), 400);
        assertProblem(api.get("/api/reviews/1?size=0"), 400);
        assertProblem(api.get("/api/reviews/1?size=1000"), 400);
        assertProblem(api.get("/api/reviews/1?page=-1"), 400);
        assertProblem(api.get("/api/reviews/1?page=x"), 400);
        assertProblem(api.get("/api/clientjobs/1?status=sleeping"), 400);
    }

    @Test
    void unknownRoutesAre404Problems() {
        assertProblem(api.get("/api/nothing-here"), 404);
        assertProblem(api.get("/api/ratings/writer_1/"), 404);
    }

    static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), () -> reply.raw().body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(status, reply.json().get("status").asInt());
        assertNotNull(reply.json().get("title"));
        assertTrue(!reply.raw().body().contains("Exception") && !reply.raw().body().contains("\tat "),
                "no stack trace or exception names: " + reply.raw().body());
    }
}
