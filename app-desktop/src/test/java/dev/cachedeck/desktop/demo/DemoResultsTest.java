package dev.cachedeck.desktop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.LatencySummary;
import dev.cachedeck.model.bench.PercentilePoint;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseRatio;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ThroughputBasis;
import dev.cachedeck.model.bench.TimelinePoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoResultsTest {

    private static PhaseResult phase(PhaseName name, double p50, double achieved, long dropped) {
        return new PhaseResult(name, 20, 10_000, 10_000 - dropped, 0, dropped, 500, achieved,
                PhaseResult.keptUp(dropped, 500, achieved), "d", achieved,
                new LatencySummary(p50, p50, p50, p50, p50), List.of(), 0.9, 0.2, 0.2, List.of(), true,
                new CapacityResult(5, 64, 5_000, 0, 1_000, 10), null,
                List.of(new TimelinePoint(0, 480, p50, p50 * 10), new TimelinePoint(1, 500, p50, p50 * 10)),
                List.of(new PercentilePoint(50, p50), new PercentilePoint(99.99, p50 * 100)),
                Map.of("127.0.0.1:8080", 10_000L - dropped));
    }

    @Test
    void aSaturatedCacheOffPhaseIsSaidAndItsLatencyHeadlinesReadAsQueueing() {
        PhaseResult off = phase(PhaseName.OFF, 640, 300, 2_000);
        PhaseResult warm = phase(PhaseName.WARM, 1.1, 500, 0);
        PhaseRatio ratio = new PhaseRatio(PhaseName.OFF, PhaseName.WARM, 582, 300, 4, ThroughputBasis.CAPACITY, 2.5,
                0.2, true);

        DemoResults results = DemoResults.of(List.of(off, warm), List.of(ratio));

        assertEquals(1, results.warnings().size());
        assertTrue(results.warnings().getFirst().startsWith("Cache off SATURATED"), results.warnings().getFirst());
        assertTrue(results.warnings().getFirst().contains("queueing delay"));
        DemoResults.Headline p50 = results.headlines().getFirst();
        assertEquals("×582", p50.value());
        assertTrue(p50.queueing());
        assertTrue(p50.caption().contains("Cache off saturated: queueing delay"), p50.caption());
        assertFalse(results.headlines().get(3).queueing(), "statements per request are not a latency");
        assertFalse(results.phases().getFirst().keptUp());
    }

    @Test
    void phasesThatKeptUpCarryNoWarningAndTheirLinesArePlotted() {
        PhaseResult off = phase(PhaseName.OFF, 2, 500, 0);
        PhaseResult warm = phase(PhaseName.WARM, 0.5, 500, 0);
        DemoResults results = DemoResults.of(List.of(off, warm), List.of(new PhaseRatio(PhaseName.OFF, PhaseName.WARM,
                4, 4, 3, ThroughputBasis.CAPACITY, 2.5, 0.2, false)));

        assertTrue(results.warnings().isEmpty());
        assertFalse(results.headlines().getFirst().queueing());
        assertEquals(2, results.lines().size());

        List<DemoPlots.Line> latency = DemoPlots.latencyOverTime(results);
        assertEquals(List.of("cache off p50", "cache off p99", "warm cache p50", "warm cache p99"),
                latency.stream().map(DemoPlots.Line::name).toList());
        assertTrue(latency.get(1).dashed());
        assertEquals(Math.log10(20), latency.get(1).points().getFirst().y(), 1e-9, "p99 on a log scale");
        assertEquals(0.5, latency.getFirst().points().getFirst().x(), "the middle of the first second");

        DemoPlots.Line distribution = DemoPlots.distribution(results).getFirst();
        assertEquals(Math.log10(2), distribution.points().getFirst().x(), 1e-9, "50 % is one in two");
        assertEquals(4, distribution.points().getLast().x(), 1e-6, "99.99 % is one in ten thousand");
        assertEquals(List.of(480.0, 500.0), DemoPlots.throughputOverTime(results).getFirst().points().stream()
                .map(DemoPlots.Point::y).toList());
    }

    @Test
    void logAxesAreLabelledBackInMillisecondsAndPercent() {
        assertEquals("0.1", DemoPlots.decade(-1));
        assertEquals("1,000", DemoPlots.decade(3));
        assertEquals("0 %", DemoPlots.percentile(0));
        assertEquals("99 %", DemoPlots.percentile(2));
        assertEquals("99.99 %", DemoPlots.percentile(4));
    }
}
