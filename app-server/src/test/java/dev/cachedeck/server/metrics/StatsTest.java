package dev.cachedeck.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsSnapshot.RouteStats;
import dev.cachedeck.model.monitor.StatsSnapshot.StatementBucket;
import dev.cachedeck.model.monitor.StatsSnapshot.TierStats;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.TimelineMarker;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsTest {
    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    // Prometheus text format 0.0.4: a sample is name{label="value",...} number.
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")(,[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*\\})? "
                    + "(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|[+-]Inf)");
    private static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|summary|histogram|untyped)");

    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
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

    @Test
    void statsCountAScriptedSequenceOfMissesThenHitsExactly() throws Exception {
        assertEquals(204, api.delete("/admin/stats", TOKEN).status());
        List<Long> users = List.of(101L, 102L, 103L);
        users.forEach(id -> assertEquals("api=MISS", xCacheResponseTier(api.get("/api/get-profile/" + id))));
        // A miss stores its answer after sending it: the Redis hits are only certain once the three are stored.
        StatsSnapshot afterMisses = awaitResponsePuts(3);
        // The first hits come from Redis and fill the near tier, which answers the next ones. The Redis push for a
        // miss's own store can arrive late on a loaded machine and empty a fresh near copy, costing one more Redis
        // hit: those are counted, and every figure below must account for exactly what was answered.
        long redisHits = 0;
        for (long id : users) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String tier = xCacheResponseTier(api.get("/api/get-profile/" + id));
            assertEquals("api=HIT", tier, "the first read after the store comes from Redis");
            while (tier.equals("api=HIT") && System.nanoTime() < deadline) {
                redisHits++;
                tier = xCacheResponseTier(api.get("/api/get-profile/" + id));
            }
            assertEquals("near=HIT", tier, "user " + id + ": a Redis hit fills the near tier");
        }
        long hits = redisHits + users.size();
        long requests = users.size() + hits;

        StatsSnapshot stats = snapshot("/admin/stats");
        TierStats response = tierRow(stats, Tier.RESPONSE, "profile");
        assertEquals(redisHits, response.hits());
        assertEquals(3, response.misses());
        assertEquals(3, response.puts());
        assertEquals((double) redisHits / (redisHits + 3), response.hitRate(), 1e-9);
        assertEquals(redisHits, tierRow(stats, Tier.RESPONSE, "*").hits());
        TierStats near = tierRow(stats, Tier.NEAR, "profile");
        assertEquals(3, near.hits());
        assertEquals(3 + redisHits, near.misses());
        // Response-tier hits never reach the tiers below: their rows did not move during the hits.
        for (Tier lower : List.of(Tier.QUERY, Tier.MODEL)) {
            assertEquals(tierRow(afterMisses, lower, "profile"), tierRow(stats, lower, "profile"));
            TierStats row = tierRow(stats, lower, "profile");
            assertTrue(row.hits() + row.misses() >= 3, "each miss looked below: " + row);
        }

        RouteStats profile = route(stats, "profile");
        assertEquals(requests, profile.requests());
        assertEquals(0, profile.errors());
        assertEquals(requests, profile.latency().count());
        assertEquals(hits, profile.responseHits().count());
        assertEquals(3, profile.responseMisses().count());
        assertTrue(profile.responseHits().p50Micros() > 0);
        assertTrue(profile.latency().maxMicros() >= profile.latency().p99Micros());
        assertEquals(requests, stats.requests());

        // Hits ran no SQL; each miss ran the same number of statements.
        assertEquals(requests, stats.dbStatements().requests());
        StatementBucket none = stats.dbStatements().distribution().getFirst();
        assertEquals(new StatementBucket(0, false, hits), none);
        long perMiss = stats.dbStatements().statements() / 3;
        assertTrue(perMiss > 0);
        assertEquals(List.of(none, new StatementBucket((int) perMiss, false, 3)), stats.dbStatements().distribution());
        assertEquals(perMiss * 3 / (double) requests, profile.dbStatementsPerRequest(), 1e-9);

        // The one-second series adds up to the same figures once the current second is closed.
        long resetSecond = stats.since().getEpochSecond();
        long lastRequestSecond = stats.takenAt().getEpochSecond();
        List<StatsTick> ticks = awaitTicksThrough(lastRequestSecond, resetSecond - 1);
        assertEquals(requests, ticks.stream().mapToLong(StatsTick::requests).sum());
        assertEquals(redisHits, ticks.stream().mapToLong(tick -> tick.tiers().get(Tier.RESPONSE).hits()).sum());
        assertEquals(3, ticks.stream().mapToLong(tick -> tick.tiers().get(Tier.RESPONSE).misses()).sum());
        assertEquals(3, ticks.stream().mapToLong(tick -> tick.tiers().get(Tier.NEAR).hits()).sum());
        assertEquals(requests, ticks.stream().mapToLong(tick -> tick.latency().count()).sum());
        assertTrue(ticks.stream().flatMap(tick -> tick.markers().stream()).map(TimelineMarker::kind).toList()
                .contains("reset"));
        assertTrue(ticks.getLast().near().size() >= users.size(), "the tick carries the near tier's figures: "
                + ticks.getLast().near());
    }

    @Test
    void resetZeroesTheFiguresAndMarksTheTimeline() throws Exception {
        api.get("/api/jobs/1");
        api.get("/api/jobs/1");
        assertTrue(snapshot("/admin/stats").requests() > 0);

        Reply reset = api.delete("/admin/stats", TOKEN);
        assertEquals(204, reset.status());
        StatsSnapshot after = snapshot("/admin/stats");
        assertEquals(0, after.requests());
        assertTrue(after.routes().isEmpty());
        assertEquals(0, tierRow(after, Tier.RESPONSE, "*").hits());
        assertEquals(0, after.dbStatements().requests());
        List<StatsTick> ticks = awaitTicksThrough(after.takenAt().getEpochSecond(), after.since().getEpochSecond() - 1);
        assertTrue(ticks.stream().anyMatch(tick -> tick.markers().stream()
                .anyMatch(marker -> marker.kind().equals("reset"))));
    }

    @Test
    void tierTogglesAddMarkersToTheTimeline() throws Exception {
        long before = snapshot("/admin/stats").takenAt().getEpochSecond();
        assertEquals(200, api.put("/admin/cache/tiers/query", TOKEN, "{\"enabled\":false}").status());
        assertEquals(200, api.put("/admin/cache/tiers/query", TOKEN, "{\"enabled\":true}").status());
        long after = snapshot("/admin/stats").takenAt().getEpochSecond();
        List<String> labels = awaitTicksThrough(after, before - 1).stream()
                .flatMap(tick -> tick.markers().stream())
                .filter(marker -> marker.kind().equals("toggle"))
                .map(TimelineMarker::label).toList();
        assertEquals(List.of("query tier off", "query tier on"), labels);
    }

    @Test
    void sinceKeepsOnlyLaterTicksAndRejectsGarbage() throws Exception {
        StatsSnapshot now = snapshot("/admin/stats");
        awaitTicksThrough(now.takenAt().getEpochSecond(), Long.MIN_VALUE);
        long cut = now.takenAt().getEpochSecond() - 1;
        StatsSnapshot later = snapshot("/admin/stats?since=" + cut);
        assertFalse(later.series().isEmpty());
        assertTrue(later.series().stream().allMatch(tick -> tick.second() > cut));
        assertEquals(400, api.get("/admin/stats?since=yesterday", TOKEN).status());
    }

    @Test
    void streamDeliversTicksAndResumesAfterLastEventIdWithoutGapsOrDuplicates() throws Exception {
        List<SseClient.Event> first;
        try (SseClient stream = new SseClient(http, server.baseUri(), null)) {
            assertEquals(200, stream.status);
            assertTrue(stream.contentType.startsWith("text/event-stream"), stream.contentType);
            first = stream.next(3);
        }
        assertEquals(3, first.size());
        for (SseClient.Event event : first) {
            assertEquals("tick", event.name());
            StatsTick tick = mapper.readValue(event.data(), StatsTick.class);
            assertEquals(Long.parseLong(event.id()), tick.second());
        }
        long resumeAfter = Long.parseLong(first.get(1).id());
        assertEquals(List.of(resumeAfter - 1, resumeAfter, resumeAfter + 1), ids(first));

        Thread.sleep(2_500);
        try (SseClient resumed = new SseClient(http, server.baseUri(), Long.toString(resumeAfter))) {
            List<Long> ids = ids(resumed.next(5));
            // The series is the truth: a ticker stalled past a boundary (a starved CPU) closes the late second and
            // goes on from now, so the kept seconds need not be consecutive.
            long lastReceived = ids.getLast();
            List<Long> expected = snapshot("/admin/stats").series().stream().map(StatsTick::second)
                    .filter(second -> second > resumeAfter && second <= lastReceived).toList();
            assertEquals(expected, ids, "every tick after the last one seen, once, in order");
            assertEquals(5, ids.size());
        }
    }

    @Test
    void adminStatsAndTraceEndpointsRequireTheAdminToken() {
        for (HttpRequest.Builder request : List.of(
                api.request("/admin/stats", null).GET(),
                api.request("/admin/stats/stream", null).GET(),
                api.request("/admin/stats", null).DELETE(),
                api.request("/admin/stats/instrumentation", null).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")),
                api.request("/admin/traces", null).GET(),
                api.request("/admin/traces/slowest", null).GET())) {
            HttpRequest built = request.build();
            Reply reply = api.send(built);
            assertEquals(401, reply.status(), built.method() + " " + built.uri());
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        assertTrue(server.instrumentation().enabled(), "an unauthorised PUT changed nothing");
    }

    @Test
    void prometheusOutputParsesLineByLine() throws Exception {
        api.get("/api/get-profile/110");
        api.get("/api/get-profile/110");
        HttpResponse<String> reply = http.send(api.request("/observe/metrics", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        String contentType = reply.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith("text/plain; version=0.0.4"), contentType);
        String body = reply.body();
        for (String line : body.split("\n")) {
            assertTrue(SAMPLE.matcher(line).matches() || HELP.matcher(line).matches() || TYPE.matcher(line).matches(),
                    "not Prometheus text: " + line);
        }
        assertTrue(body.contains("\ncache_gets_total{cache=\"query\",result=\"hit\"} "));
        assertTrue(body.contains("\ncache_gets_total{cache=\"response\",result=\"miss\"} "));
        assertTrue(body.contains("\nhttp_server_requests_seconds{route=\"profile\",quantile=\"0.99\"} "));
        assertTrue(body.contains("\nhttp_server_requests_seconds_count{route=\"profile\"} "));
        assertTrue(body.contains("\ndb_statements_total "));
        assertTrue(body.contains("\ncache_puts_total{cache=\"model\"} "));
        assertTrue(body.contains("\ncache_gets_total{cache=\"near\",result=\"hit\"} "));
        assertTrue(body.contains("\ncachedeck_near_entries "));
        assertTrue(body.contains("\ncachedeck_near_clears_total{cause=\"tracking-lost\"} "));
    }

    @Test
    void tracesShowMissesAndSqlForAFirstReadThenOneHitWithoutSql() throws Exception {
        api.get("/api/jobs/7");
        api.get("/api/jobs/7");
        JsonNode traces = api.get("/admin/traces?route=job&limit=2", TOKEN).json();
        assertEquals(2, traces.size());
        JsonNode second = traces.get(0);
        JsonNode first = traces.get(1);
        assertTrue(second.get("id").asLong() > first.get("id").asLong(), "newest first");
        assertEquals("/api/jobs/7", first.get("path").asText());
        assertEquals(200, first.get("status").asInt());

        List<JsonNode> firstSpans = spans(first);
        JsonNode responseLookup = firstSpans.stream().filter(span -> span.get("name").asText().equals("RESPONSE"))
                .findFirst().orElseThrow();
        assertEquals("TIER", responseLookup.get("kind").asText());
        assertEquals("MISS", responseLookup.get("outcome").asText());
        assertTrue(responseLookup.get("key").asText().startsWith("cd:api:job:"));
        List<JsonNode> sql = firstSpans.stream().filter(span -> span.get("kind").asText().equals("SQL")).toList();
        assertEquals(first.get("dbStatements").asInt(), sql.size());
        assertFalse(sql.isEmpty());
        assertTrue(sql.stream().allMatch(span -> span.get("name").asText().startsWith("SELECT")));
        assertTrue(firstSpans.stream().anyMatch(span -> span.get("kind").asText().equals("SERIALIZATION")));
        for (JsonNode span : firstSpans) {
            assertTrue(span.get("startMicros").asLong() + span.get("durationMicros").asLong()
                    <= first.get("totalMicros").asLong() + 1, span.toString());
        }

        List<JsonNode> secondSpans = spans(second);
        assertEquals(List.of("NEAR", "RESPONSE"), secondSpans.stream()
                .filter(span -> span.get("kind").asText().equals("TIER")).map(span -> span.get("name").asText()).toList());
        assertEquals("MISS", secondSpans.getFirst().get("outcome").asText(), "the near tier fills from this Redis hit");
        assertEquals("HIT", secondSpans.get(1).get("outcome").asText());
        assertTrue(secondSpans.stream().noneMatch(span -> span.get("kind").asText().equals("SQL")));
        assertEquals(0, second.get("dbStatements").asInt());

        JsonNode slowest = api.get("/admin/traces/slowest?route=job&limit=500", TOKEN).json();
        for (int i = 1; i < slowest.size(); i++) {
            assertTrue(slowest.get(i - 1).get("totalMicros").asLong() >= slowest.get(i).get("totalMicros").asLong());
        }
        assertEquals(400, api.get("/admin/traces?limit=0", TOKEN).status());
        assertEquals(400, api.get("/admin/traces/slowest?limit=501", TOKEN).status());
    }

    @Test
    void instrumentationOffKeepsCountingButRecordsNoLatencyOrTraces() throws Exception {
        try {
            assertEquals(200, api.put("/admin/stats/instrumentation", TOKEN, "{\"enabled\":false}").status());
            assertEquals(204, api.delete("/admin/stats", TOKEN).status());
            long newestTrace = newestTraceId();
            api.get("/api/clientjobs/2");
            api.get("/api/clientjobs/2");
            StatsSnapshot stats = snapshot("/admin/stats");
            assertFalse(stats.instrumented());
            assertEquals(2, route(stats, "clientjobs").requests());
            assertEquals(0, route(stats, "clientjobs").latency().count());
            assertEquals(newestTrace, newestTraceId());
        } finally {
            api.put("/admin/stats/instrumentation", TOKEN, "{\"enabled\":true}");
        }
    }

    @Test
    void writesAndUnknownPathsAreGroupedByMethodAndRouteTemplate() throws Exception {
        assertEquals(204, api.delete("/admin/stats", TOKEN).status());
        assertEquals(200, api.put("/api/profiles/120", TOKEN, "{\"bio\":\"stats test\"}").status());
        assertEquals(200, api.put("/api/profiles/121", TOKEN, "{\"bio\":\"stats test\"}").status());
        assertEquals(404, api.get("/api/no-such-thing").status());
        StatsSnapshot stats = snapshot("/admin/stats");
        assertEquals(List.of("GET (no route)", "PUT /api/profiles/{userId}"),
                stats.routes().stream().map(RouteStats::route).toList());
        assertEquals(2, route(stats, "PUT /api/profiles/{userId}").requests());
        assertEquals(0, route(stats, "PUT /api/profiles/{userId}").responseHits().count());
        assertEquals(2, route(stats, "PUT /api/profiles/{userId}").responseMisses().count());
    }

    private long newestTraceId() {
        JsonNode traces = api.get("/admin/traces?limit=1", TOKEN).json();
        return traces.isEmpty() ? 0 : traces.get(0).get("id").asLong();
    }

    private static List<JsonNode> spans(JsonNode trace) {
        List<JsonNode> spans = new ArrayList<>();
        trace.get("spans").forEach(spans::add);
        return spans;
    }

    private static List<Long> ids(List<SseClient.Event> events) {
        return events.stream().map(event -> Long.parseLong(event.id())).toList();
    }

    /** The kept ticks after {@code afterSecond}, once the tick for {@code throughSecond} has been closed. */
    private List<StatsTick> awaitTicksThrough(long throughSecond, long afterSecond) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<StatsTick> series = snapshot("/admin/stats").series();
            if (!series.isEmpty() && series.getLast().second() >= throughSecond) {
                return series.stream().filter(tick -> tick.second() > afterSecond).toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no tick closed for second " + throughSecond);
    }

    /** The stats once the response tier's profile row counts {@code puts} stores. */
    private StatsSnapshot awaitResponsePuts(long puts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        StatsSnapshot stats = snapshot("/admin/stats");
        while (tierRow(stats, Tier.RESPONSE, "profile").puts() < puts && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = snapshot("/admin/stats");
        }
        assertEquals(puts, tierRow(stats, Tier.RESPONSE, "profile").puts(), "stores after the misses");
        return stats;
    }

    private StatsSnapshot snapshot(String path) throws Exception {
        Reply reply = api.get(path, TOKEN);
        assertEquals(200, reply.status(), reply.raw().body());
        return mapper.readValue(reply.raw().body(), StatsSnapshot.class);
    }

    private static String xCacheResponseTier(Reply reply) {
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.header("X-Cache").split(",")[0];
    }

    private static TierStats tierRow(StatsSnapshot stats, Tier tier, String route) {
        return stats.tiers().stream().filter(row -> row.tier() == tier && row.route().equals(route)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + tier + " " + route + " in " + stats.tiers()));
    }

    private static RouteStats route(StatsSnapshot stats, String name) {
        return stats.routes().stream().filter(row -> row.route().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no route " + name + " in " + stats.routes()));
    }
}
