package dev.cachedeck.model.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small reports with chosen figures, for the renderers and the repeat statistics. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static PhaseResult phase(PhaseName name, double p50, double offered, double achieved, long dropped,
                             double capacity, CapacityResult ceiling) {
        boolean keptUp = PhaseResult.keptUp(dropped, offered, achieved);
        return new PhaseResult(name, 20, 1000, 1000 - dropped, 0, dropped, offered, achieved, keptUp, "abc",
                achieved, new LatencySummary(p50, p50 * 2, p50 * 3, p50 * 4, p50), List.of(), 0.5, 1.0, 1.0,
                List.of(), true, null, null,
                List.of(new TimelinePoint(0, (long) achieved, p50, p50 * 3),
                        new TimelinePoint(1, (long) achieved, p50 * 1.1, p50 * 3.5)),
                List.of(new PercentilePoint(50, p50), new PercentilePoint(90, p50 * 2),
                        new PercentilePoint(99.99, p50 * 5)),
                Map.of("127.0.0.1:8081", 600L, "127.0.0.1:8082", 400L))
                .withCapacity(new CapacityResult(5, 64, (long) (capacity * 5), 0, capacity, 10), ceiling);
    }

    static BenchReport report(double offP50, double warmP50, double offCapacity, double warmCapacity, boolean offSaturated) {
        CapacityResult ceiling = new CapacityResult(5, 64, 50_000, 0, 10_000, 10);
        PhaseResult off = phase(PhaseName.OFF, offP50, 500, offSaturated ? 300 : 500, offSaturated ? 200 : 0,
                offCapacity, ceiling);
        PhaseResult warm = phase(PhaseName.WARM, warmP50, 500, 500, 0, warmCapacity, ceiling);
        PhaseRatio ratio = new PhaseRatio(PhaseName.OFF, PhaseName.WARM, offP50 / warmP50, offP50 / warmP50,
                warmCapacity / offCapacity, ThroughputBasis.CAPACITY, 2.5, 0.2, offSaturated);
        return new BenchReport(ScenarioSpec.defaults(), new BenchEnvironment(1, 10_000, 50_000, 0, 2, "JVM 25", "Linux",
                "H2", "embedded", "the bench command's own process"), Instant.parse("2026-12-01T09:55:43.123456789Z"),
                Instant.parse("2026-12-01T09:57:01Z"), ceiling, new Calibration(4, 1000, 500), List.of(off, warm),
                List.of(ratio), List.of(new TargetCheck("p50 off / warm", ">= 10.0", offP50 / warmP50,
                offP50 / warmP50 >= 10)));
    }
}
