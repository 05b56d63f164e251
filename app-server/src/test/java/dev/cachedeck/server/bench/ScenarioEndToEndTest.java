package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.Calibration;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ReportHtml;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.model.bench.TextSummary;
import dev.cachedeck.model.bench.ThroughputBasis;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A short off/cold/warm scenario against a real embedded server (H2 in memory, embedded Redis). */
class ScenarioEndToEndTest {
    private static final String TOKEN = TestServers.ADMIN_TOKEN;
    private static final ObjectMapper MAPPER = CacheDeckJson.newMapper();
    private static CacheDeckServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = TestServers.start();
        client = new ApiClient(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void offColdWarmReportShowsTheCacheWorking() throws Exception {
        ScenarioSpec spec = new ScenarioSpec(List.of(PhaseName.OFF, PhaseName.COLD, PhaseName.WARM), 2, 1, 150, 32,
                5, 1.0, 0, 7, 1);
        ApiClient.Reply started = client.post(ApiPaths.ADMIN_BENCH, TOKEN, MAPPER.writeValueAsString(spec));
        assertEquals(202, started.status(), started.raw().body());
        assertEquals(409, client.post(ApiPaths.ADMIN_BENCH, TOKEN, MAPPER.writeValueAsString(spec)).status(),
                "one scenario at a time");

        BenchStatus status = awaitEnd();
        assertEquals(BenchState.DONE, status.state(), status.error());
        BenchReport report = status.report();
        assertEquals(spec, report.spec());
        assertNull(report.calibration(), "the rate was fixed");
        assertNotNull(report.ceiling(), "the ceiling of GET /api/ping");
        assertEquals(0, report.ceiling().errors());
        assertEquals(0.0, report.environment().dbDelayMillis());
        assertTrue(report.environment().users() > 0 && report.environment().jobs() > 0);
        assertEquals(List.of(PhaseName.OFF, PhaseName.COLD, PhaseName.WARM),
                report.phases().stream().map(PhaseResult::phase).toList());
        PhaseResult off = report.phases().get(0);
        PhaseResult cold = report.phases().get(1);
        PhaseResult warm = report.phases().get(2);
        for (PhaseResult phase : report.phases()) {
            assertTrue(phase.complete());
            assertTrue(phase.requests() > 0, phase.phase() + " requests " + phase.requests());
            assertEquals(phase.intended(), phase.requests() + phase.dropped(), "every request answered or dropped");
            assertEquals(0, phase.errors(), phase.phase() + " errors");
            assertTrue(phase.latency().p50() > 0);
            assertFalse(phase.routes().isEmpty());
            assertTrue(phase.routes().stream().anyMatch(r -> r.write()), "writes were sent");
            assertNotNull(phase.capacity(), phase.phase() + " capacity");
            assertEquals(32, phase.capacity().workers());
            assertEquals(0, phase.capacity().errors(), phase.phase() + " capacity errors");
            assertEquals(150, phase.offeredRate());
            assertNotNull(phase.ceilingRatio());
            assertEquals(phase.capacity().perSecond() / report.ceiling().perSecond(), phase.ceilingRatio(), 1e-9);
            assertFalse(phase.timeline().isEmpty(), "per-second figures");
            assertEquals(50.0, phase.percentiles().getFirst().percentile());
            assertEquals(99.99, phase.percentiles().getLast().percentile());
        }
        assertEquals(off.trafficDigest(), cold.trafficDigest(), "off and cold send the same requests");
        assertEquals(off.trafficDigest(), warm.trafficDigest(), "off and warm send the same requests");
        assertEquals(off.intended(), warm.intended());
        assertEquals(0.0, off.readHitRate(), "nothing is served from a switched-off cache");
        assertTrue(warm.readHitRate() > cold.readHitRate(), "warm " + warm.readHitRate() + " cold " + cold.readHitRate());
        assertTrue(cold.readHitRate() > 0);
        assertTrue(off.dbStatementsPerRequest() > warm.dbStatementsPerRequest());
        assertEquals(2, report.ratios().size(), "off -> cold and off -> warm");
        assertEquals(warm.capacity().perSecond() / off.capacity().perSecond(),
                report.ratios().get(1).throughputGain(), 1e-9, "the throughput ratio is the capacity ratio");
        assertEquals(ThroughputBasis.CAPACITY, report.ratios().get(1).throughputBasis());
        assertEquals(4, report.targets().size());
        assertTrue(server.cache().toggles().cacheEnabled(), "the cache switch is restored");

        List<String> phaseMarkers = awaitPhaseMarkers(report.startedAt(), "bench done");
        assertEquals(List.of("bench ceiling", "bench off warm-up", "bench off measured", "bench off capacity", "bench cold",
                "bench cold capacity", "bench warm warm-up", "bench warm measured", "bench warm capacity", "bench done"),
                phaseMarkers, "the live charts can show where each phase began");

        String html = ReportHtml.of(report, TextSummary.of(report));
        assertTrue(html.contains("<svg") && html.contains("warm"));
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="),
                "self-contained: nothing to fetch");
    }

    @Test
    void withoutAFixedRateTheCacheOffCapacityIsProbedAndAboutHalfOfItOffered() throws Exception {
        ScenarioSpec spec = new ScenarioSpec(List.of(PhaseName.WARM), 1, 0, ScenarioSpec.CALIBRATE, 8, 5, 1.0, 0, 3, 0);
        assertEquals(202, client.post(ApiPaths.ADMIN_BENCH, TOKEN, MAPPER.writeValueAsString(spec)).status());
        BenchStatus status = awaitEnd();
        assertEquals(BenchState.DONE, status.state(), status.error());
        Calibration calibration = status.report().calibration();

        assertNotNull(calibration);
        assertTrue(calibration.offCapacity() > 0);
        assertTrue(calibration.chosenRate() < calibration.offCapacity(), calibration + ": below the probed capacity");
        assertEquals(Calibration.rateFor(calibration.offCapacity()), calibration.chosenRate());
        assertEquals(calibration.chosenRate(), status.report().phases().getFirst().offeredRate());
        assertEquals(calibration.chosenRate(), status.report().offeredRate());
        assertTrue(TextSummary.of(status.report()).contains("chosen by calibration"), "and says so");
    }

    @Test
    void aPhaseThatCannotKeepUpIsReportedSaturatedAndTheOthersNot() throws Exception {
        // 40 ms per statement, about 2.5 statements per uncached read, 8 connections: cache off answers at most
        // ~80 req/s of the 120 offered. Without writes the warm phase repeats cold's requests, all hits.
        ScenarioSpec spec = new ScenarioSpec(List.of(PhaseName.OFF, PhaseName.COLD, PhaseName.WARM), 2, 1, 120, 8, 0,
                1.0, 40, 5, 0);
        assertEquals(202, client.post(ApiPaths.ADMIN_BENCH, TOKEN, MAPPER.writeValueAsString(spec)).status());
        BenchStatus status = awaitEnd();
        assertEquals(BenchState.DONE, status.state(), status.error());
        PhaseResult off = status.report().phases().get(0);
        PhaseResult warm = status.report().phases().get(2);

        assertFalse(off.keptUp(), "off: " + off.achievedRate() + " of " + off.offeredRate() + "/s, dropped "
                + off.dropped());
        assertTrue(off.dropped() > 0 || off.achievedRate() < 0.95 * off.offeredRate());
        assertTrue(warm.keptUp(), "warm: " + warm.achievedRate() + " of " + warm.offeredRate() + "/s, dropped "
                + warm.dropped());
        assertTrue(status.report().ratios().get(1).queueing(), "off -> warm latency is queueing, and says so");
        assertTrue(TextSummary.of(status.report()).contains("off SATURATED"));
    }

    /** Phase markers since {@code from} in the stats series, once {@code last} is among them (ticks close each second). */
    private static List<String> awaitPhaseMarkers(Instant from, String last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> labels = new ArrayList<>();
            client.get("/admin/stats", TOKEN).json().get("series").forEach(tick -> tick.get("markers").forEach(marker -> {
                if (marker.get("kind").asText().equals("phase")
                        && !Instant.parse(marker.get("at").asText()).isBefore(from)) {
                    labels.add(marker.get("label").asText());
                }
            }));
            if (labels.contains(last) || System.nanoTime() > deadline) {
                return labels;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void databaseDelayIsAddedToEveryStatement() {
        client.put(ApiPaths.ADMIN + "/cache", TOKEN, "{\"enabled\": false}");
        try {
            ApiClient.Reply set = client.put(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN, "{\"millis\": 40}");
            assertEquals(200, set.status());
            assertEquals(40.0, set.json().get("millis").asDouble());
            long started = System.nanoTime();
            ApiClient.Reply profile = client.get(ApiPaths.profile(1));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            int statements = Integer.parseInt(profile.header(ApiPaths.HEADER_DB_QUERIES));
            assertTrue(statements > 0);
            assertTrue(elapsedMillis >= 40L * statements, elapsedMillis + " ms for " + statements + " statements");
            assertEquals(400, client.put(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN, "{\"millis\": -1}").status());
        } finally {
            client.put(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN, "{\"millis\": 0}");
            client.put(ApiPaths.ADMIN + "/cache", TOKEN, "{\"enabled\": true}");
        }
        assertEquals(0.0, client.get(ApiPaths.ADMIN_DATABASE_DELAY, TOKEN).json().get("millis").asDouble());
    }

    @Test
    void invalidSpecIsRefusedWithTheFieldsNamed() throws Exception {
        ScenarioSpec bad = new ScenarioSpec(List.of(PhaseName.WARM), 0, 1, -1, 0, 101, -1, 0, 1, -1);
        ApiClient.Reply reply = client.post(ApiPaths.ADMIN_BENCH, TOKEN, MAPPER.writeValueAsString(bad));
        assertEquals(400, reply.status());
        JsonNode errors = reply.json().get("errors");
        assertNotNull(errors);
        String fields = errors.toString();
        for (String field : List.of("phaseSeconds", "ratePerSecond", "concurrency", "writePercent", "zipfSkew",
                "capacitySeconds")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
    }

    private static BenchStatus awaitEnd() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            BenchStatus status = MAPPER.readValue(client.get(ApiPaths.ADMIN_BENCH, TOKEN).raw().body(),
                    BenchStatus.class);
            if (status.state() != BenchState.RUNNING && status.state() != BenchState.STOPPING) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("scenario did not end within 60 s");
    }
}
