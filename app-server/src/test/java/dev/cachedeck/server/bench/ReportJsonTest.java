package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.bench.BenchEnvironment;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.Calibration;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.loadgen.LoadRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    private static final CapacityResult CEILING = new CapacityResult(5, 64, 50_000, 0, 10_000, 10);
    private final ObjectMapper mapper = CacheDeckJson.newMapper();

    @Test
    void reportRoundTripsWithEveryDocumentedField() throws Exception {
        BenchReport report = ReportBuilder.build(ScenarioSpec.defaults(),
                new BenchEnvironment(1.0, 10_000, 50_000, 2.0, 2, "JVM", "Linux", "H2", "embedded", "own process"),
                Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:01:10Z"), CEILING,
                new Calibration(4, 800, 400),
                List.of(phase(PhaseName.OFF, 0, 3, 20_000).withCapacity(new CapacityResult(5, 64, 1_000, 0, 200, 10),
                                CEILING),
                        phase(PhaseName.WARM, 1, 0, 1_000).withCapacity(new CapacityResult(5, 64, 6_000, 0, 1_200, 10),
                                CEILING)));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(report));
        assertFields(json, "spec", "environment", "startedAt", "finishedAt", "ceiling", "calibration", "phases", "ratios",
                "targets");
        assertFields(json.get("calibration"), "probeSeconds", "offCapacity", "chosenRate");
        assertFields(json.get("spec"), "phases", "phaseSeconds", "warmupSeconds", "ratePerSecond", "concurrency",
                "writePercent", "zipfSkew", "dbDelayMillis", "seed", "capacitySeconds");
        assertFields(json.get("environment"), "dataScale", "users", "jobs", "dbDelayMillis", "cores", "jvm", "os",
                "database", "redis", "generator");
        assertFields(json.get("phases").get(0), "phase", "seconds", "intended", "requests", "errors", "dropped",
                "offeredRate", "achievedRate", "keptUp", "trafficDigest", "capacity", "ceilingRatio",
                "throughputPerSecond", "latency", "tiers", "readHitRate", "dbStatementsPerRequest",
                "dbStatementsPerRead", "routes", "complete", "timeline", "percentiles");
        assertFields(json.get("phases").get(0).get("timeline").get(0), "second", "throughput", "p50", "p99");
        assertFields(json.get("phases").get(0).get("percentiles").get(0), "percentile", "millis");
        assertFields(json.get("phases").get(0).get("capacity"), "seconds", "workers", "requests", "errors",
                "perSecond");
        assertFields(json.get("phases").get(0).get("latency"), "p50", "p95", "p99", "max", "mean");
        assertFields(json.get("phases").get(0).get("tiers").get(0), "tier", "hits", "misses", "bypasses", "hitRate");
        assertFields(json.get("phases").get(0).get("routes").get(0), "route", "write", "requests", "errors",
                "throughputPerSecond", "latency", "tiers", "readHitRate", "dbStatementsPerRequest");
        assertFields(json.get("ratios").get(0), "baseline", "compared", "p50Speedup", "p99Speedup", "throughputGain",
                "throughputBasis", "baselineDbStatementsPerRequest", "comparedDbStatementsPerRequest", "queueing");
        assertFields(json.get("targets").get(0), "name", "target", "measured", "met");
        assertEquals("2026-11-01T10:00:00Z", json.get("startedAt").asText());

        assertEquals(report, mapper.readValue(mapper.writeValueAsString(report), BenchReport.class));
        // HdrHistogram keeps three significant digits.
        assertEquals(20.0, report.ratios().getFirst().p50Speedup(), 0.05);
        assertEquals(6.0, report.ratios().getFirst().throughputGain(), 1e-9, "capacity, not the open-loop rate");
        assertEquals("CAPACITY", json.get("ratios").get(0).get("throughputBasis").asText());
        assertEquals(0.12, report.phases().get(1).ceilingRatio(), 1e-9, "capacity over the ceiling");
        assertEquals(400, report.offeredRate(), "the calibrated rate");
    }

    private static PhaseResult phase(PhaseName name, int hitTiers, int statements, long latencyMicros) {
        PhaseRecorder recorder = new PhaseRecorder(name, TrafficPlan.routeNames(), 100, 1);
        Map<Tier, String> outcome = hitTiers > 0 ? Map.of(Tier.RESPONSE, "HIT") : Map.of(Tier.RESPONSE, "BYPASS");
        for (int i = 0; i < 100; i++) {
            recorder.scheduled(new PlannedRequest("profile", false, "GET /p", LoadRequest.get("/p")), 1 + i * 10_000_000L);
            recorder.intended();
            recorder.route("profile").answered(latencyMicros * 1000, 200, outcome, statements);
            recorder.timed(1 + i * 10_000_000L, latencyMicros * 1000, true);
        }
        return recorder.result(1.0, true);
    }

    private static void assertFields(JsonNode node, String... names) {
        for (String name : names) {
            assertTrue(node.has(name), name + " missing in " + node);
        }
    }
}
