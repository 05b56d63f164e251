package dev.cachedeck.server.api;

import static dev.cachedeck.server.api.ReadRoutesTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every write: the happy path, auth rules, and each class of bad input losing nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteRoutesTest {
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long CAROL = 3;

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

    private String token(long userId) {
        return fixtures.tokenOf(userId);
    }

    private long reviews() {
        return fixtures.count("SELECT COUNT(*) FROM reviews");
    }

    @Test
    void reviewerCreatesAReviewThatAppearsInBothLists() {
        Reply created = api.post("/api/reviews", token(ALICE),
                "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":5,\"text\":\"Superb work, on time.\"}");
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().get("id").asLong();
        assertEquals(false, created.json().get("read").asBoolean());
        assertTrue(api.get("/api/reviews/" + BOB + "?size=100").json().get("reviews").findValues("id").stream()
                .anyMatch(n -> n.asLong() == id));
        JsonNode listed = entry(api.get("/api/ratings/reviewer_" + ALICE + "/?size=100").json().get("reviews"), id);
        for (String field : new String[] {"rating", "text", "createdAt"}) {
            assertEquals(created.json().get(field), listed.get(field), "the answer shows the stored " + field);
        }
        assertEquals("1", created.header("X-DB-Queries"), "the insert only: the answer is built from what it wrote");
    }

    @Test
    void reviewWritesNeedTheReviewersOwnToken() {
        String body = "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":4,\"text\":\"Good.\"}";
        long before = reviews();
        assertProblem(api.post("/api/reviews", null, body), 401);
        assertProblem(api.post("/api/reviews", "wrong", body), 401);
        assertProblem(api.post("/api/reviews", token(CAROL), body), 403);
        assertEquals(before, reviews());
        assertEquals(201, api.post("/api/reviews", TestServers.ADMIN_TOKEN, body).status());
    }

    @Test
    void badReviewBodiesAre400AndWriteNothing() {
        long before = reviews();
        String alice = token(ALICE);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":5"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":\"five\",\"text\":\"x\"}"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":9,\"text\":\"x\"}"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":0,\"text\":\"x\"}"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":1,\"rating\":3,\"text\":\"me\"}"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":3,\"text\":\"  \"}"), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":3,\"text\":\"x\",\"stars\":3}"), 400);
        assertProblem(api.post("/api/reviews", alice, "[1,2,3]"), 400);
        assertProblem(api.post("/api/reviews", alice, "null"), 400);
        assertProblem(api.post("/api/reviews", alice, ""), 400);
        assertProblem(api.post("/api/reviews", alice, "{\"reviewerId\":1,\"reviewedId\":99999999999999999999,\"rating\":3,\"text\":\"x\"}"), 400);
        Reply missing = api.post("/api/reviews", alice, "{\"reviewerId\":1}");
        assertProblem(missing, 400);
        assertEquals(3, missing.json().get("errors").size(), missing.raw().body());
        assertEquals(before, reviews());
    }

    @Test
    void reviewOfAnUnknownUserOrJobIs404() {
        long before = reviews();
        assertProblem(api.post("/api/reviews", token(ALICE),
                "{\"reviewerId\":1,\"reviewedId\":987654321,\"rating\":3,\"text\":\"x\"}"), 404);
        assertProblem(api.post("/api/reviews", token(ALICE),
                "{\"reviewerId\":1,\"reviewedId\":2,\"jobId\":987654321,\"rating\":3,\"text\":\"x\"}"), 404);
        assertEquals(before, reviews());
    }

    @Test
    void oversizeBodyIs413AndOtherMediaTypesAre415() {
        String huge = "{\"reviewerId\":1,\"reviewedId\":2,\"rating\":3,\"text\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(api.post("/api/reviews", token(ALICE), huge), 413);
        Reply text = api.send(api.request("/api/reviews", token(ALICE)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(text, 415);
    }

    @Test
    void recipientMarksAReviewReadAndTheReviewerEditsIt() {
        long id = createReview(ALICE, BOB, 3);
        assertProblem(api.patch("/api/reviews/" + id, token(ALICE), "{\"read\":true}"), 403);
        Reply read = api.patch("/api/reviews/" + id, token(BOB), "{\"read\":true}");
        assertEquals(200, read.status(), read.raw().body());
        assertTrue(read.json().get("read").asBoolean());
        assertProblem(api.patch("/api/reviews/" + id, token(BOB), "{\"rating\":1}"), 403);
        Reply edited = api.patch("/api/reviews/" + id, token(ALICE), "{\"rating\":4,\"text\":\"Better than I said.\"}");
        assertEquals(200, edited.status());
        assertEquals(4, edited.json().get("rating").asInt());
        assertProblem(api.patch("/api/reviews/" + id, token(ALICE), "{}"), 400);
        assertProblem(api.patch("/api/reviews/" + id, token(ALICE), "{\"rating\":6}"), 400);
        assertProblem(api.patch("/api/reviews/987654321", token(ALICE), "{\"rating\":2}"), 404);
    }

    @Test
    void reviewerDeletesAReviewOnce() {
        long id = createReview(ALICE, CAROL, 2);
        assertProblem(api.delete("/api/reviews/" + id, token(CAROL)), 403);
        assertEquals(204, api.delete("/api/reviews/" + id, token(ALICE)).status());
        assertProblem(api.delete("/api/reviews/" + id, token(ALICE)), 404);
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM reviews WHERE id = ?", id));
    }

    @Test
    void userEditsOwnProfileAndTheNewNameShowsInLists() {
        long id = createReview(CAROL, BOB, 5);
        Reply updated = api.put("/api/profiles/" + CAROL, token(CAROL),
                "{\"displayName\":\"Carol Renamed\",\"skills\":[\"Java\",\"Redis\"],\"hourlyRate\":95.50}");
        assertEquals(200, updated.status(), updated.raw().body());
        assertEquals("Carol Renamed", updated.json().get("displayName").asText());
        assertEquals(2, updated.json().get("skills").size());
        assertEquals("Carol Renamed", api.get("/api/get-profile/" + CAROL).json().get("displayName").asText());
        JsonNode received = api.get("/api/reviews/" + BOB + "?size=100").json().get("reviews");
        received.forEach(r -> {
            if (r.get("id").asLong() == id) {
                assertEquals("Carol Renamed", r.get("reviewerName").asText());
            }
        });
        assertProblem(api.put("/api/profiles/" + CAROL, token(ALICE), "{\"bio\":\"hacked\"}"), 403);
        assertProblem(api.put("/api/profiles/" + CAROL, token(CAROL), "{}"), 400);
        assertProblem(api.put("/api/profiles/" + CAROL, token(CAROL), "{\"hourlyRate\":-1}"), 400);
        assertProblem(api.put("/api/profiles/" + CAROL, token(CAROL), "{\"hourlyRate\":1.234}"), 400);
        assertProblem(api.put("/api/profiles/" + CAROL, token(CAROL), "{\"skills\":[\"a,b\"]}"), 400);
        assertProblem(api.put("/api/profiles/" + CAROL, token(CAROL), "{\"displayName\":\"" + "n".repeat(101) + "\"}"), 400);
        assertProblem(api.put("/api/profiles/987654321", TestServers.ADMIN_TOKEN, "{\"bio\":\"x\"}"), 404);
        assertEquals("Carol Renamed", api.get("/api/get-profile/" + CAROL).json().get("displayName").asText());
    }

    @Test
    void payerCreatesAPaymentThatBothSidesSee() {
        Reply created = api.post("/api/payments", token(ALICE),
                "{\"payerId\":1,\"payeeId\":2,\"amount\":125.50,\"currency\":\"EUR\"}");
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().get("id").asLong();
        assertEquals("COMPLETED", created.json().get("status").asText());
        for (long user : new long[] {ALICE, BOB}) {
            JsonNode page = api.get("/api/users/" + user + "/payments?size=100", token(user)).json();
            assertEquals(created.json(), entry(page.get("payments"), id), "user " + user + " sees the row as answered");
        }
        assertProblem(api.post("/api/payments", token(BOB), "{\"payerId\":1,\"payeeId\":2,\"amount\":5,\"currency\":\"USD\"}"), 403);
        assertProblem(api.post("/api/payments", token(ALICE), "{\"payerId\":1,\"payeeId\":2,\"amount\":0,\"currency\":\"USD\"}"), 400);
        assertProblem(api.post("/api/payments", token(ALICE), "{\"payerId\":1,\"payeeId\":2,\"amount\":5,\"currency\":\"XYZ\"}"), 400);
        assertProblem(api.post("/api/payments", token(ALICE), "{\"payerId\":1,\"payeeId\":1,\"amount\":5,\"currency\":\"USD\"}"), 400);
        assertProblem(api.post("/api/payments", token(ALICE), "{\"payerId\":1,\"payeeId\":987654321,\"amount\":5,\"currency\":\"USD\"}"), 404);
    }

    @Test
    void clientCreatesUpdatesAndDeletesAJob() {
        Reply created = api.post("/api/jobs", token(ALICE),
                "{\"clientId\":1,\"title\":\"Cache audit\",\"description\":\"Review our Redis usage\",\"budget\":1500,\"skills\":[\"Redis\"]}");
        assertEquals(201, created.status(), created.raw().body());
        long id = created.json().get("id").asLong();
        assertEquals("OPEN", created.json().get("status").asText());
        assertEquals("/api/jobs/" + id, created.header("Location"));
        assertTrue(api.get("/api/clientjobs/" + ALICE + "?size=100").json().get("jobs").findValues("id").stream()
                .anyMatch(n -> n.asLong() == id));

        assertProblem(api.put("/api/jobs/" + id, token(BOB), "{\"status\":\"CANCELLED\"}"), 403);
        Reply updated = api.put("/api/jobs/" + id, token(ALICE), "{\"status\":\"IN_PROGRESS\",\"budget\":2000}");
        assertEquals(200, updated.status(), updated.raw().body());
        assertEquals("IN_PROGRESS", updated.json().get("status").asText());
        assertEquals(0, updated.json().get("budget").decimalValue().compareTo(new java.math.BigDecimal("2000")));
        assertProblem(api.put("/api/jobs/" + id, token(ALICE), "{\"status\":\"SLEEPING\"}"), 400);
        assertProblem(api.put("/api/jobs/" + id, token(ALICE), "{\"clientId\":2}"), 400);

        assertProblem(api.delete("/api/jobs/" + id, token(BOB)), 403);
        assertEquals(204, api.delete("/api/jobs/" + id, token(ALICE)).status());
        assertProblem(api.get("/api/jobs/" + id), 404);
    }

    @Test
    void badJobBodiesAre400() {
        long before = fixtures.count("SELECT COUNT(*) FROM jobs");
        assertProblem(api.post("/api/jobs", token(ALICE), "{\"clientId\":1}"), 400);
        assertProblem(api.post("/api/jobs", token(ALICE),
                "{\"clientId\":1,\"title\":\"t\",\"description\":\"d\",\"budget\":-5}"), 400);
        assertProblem(api.post("/api/jobs", token(ALICE),
                "{\"clientId\":2,\"title\":\"t\",\"description\":\"d\",\"budget\":5}"), 403);
        assertEquals(before, fixtures.count("SELECT COUNT(*) FROM jobs"));
    }

    private static JsonNode entry(JsonNode list, long id) {
        for (JsonNode item : list) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no entry " + id + " in " + list);
    }

    private long createReview(long reviewer, long reviewed, int rating) {
        Reply reply = api.post("/api/reviews", token(reviewer), String.format(
                "{\"reviewerId\":%d,\"reviewedId\":%d,\"rating\":%d,\"text\":\"Test review\"}", reviewer, reviewed, rating));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().get("id").asLong();
    }
}
