package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.BenchEnvironment;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.Calibration;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseRatio;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.model.bench.TargetCheck;
import dev.cachedeck.model.bench.ThroughputBasis;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns finished phases into a report: ratios against cache-off and issue 5's targets for the warm phase. */
final class ReportBuilder {
    static final double TARGET_WARM_HIT_RATE = 0.90;
    static final double TARGET_WARM_STATEMENTS = 0.2;
    static final double TARGET_P50_SPEEDUP = 10;
    static final double TARGET_THROUGHPUT_GAIN = 5;

    private ReportBuilder() {
    }

    static BenchReport build(ScenarioSpec spec, BenchEnvironment environment, Instant startedAt, Instant finishedAt,
                             CapacityResult ceiling, Calibration calibration, List<PhaseResult> phases) {
        Optional<PhaseResult> off = find(phases, PhaseName.OFF);
        List<PhaseRatio> ratios = off.map(baseline -> phases.stream().filter(p -> p != baseline)
                .map(compared -> ratio(baseline, compared)).toList()).orElse(List.of());
        return new BenchReport(spec, environment, startedAt, finishedAt, ceiling, calibration, phases, ratios,
                targets(phases, ratios));
    }

    /**
     * Latency from the open-loop windows; throughput from the capacity runs when both phases have one, since
     * open-loop req/s is the offered rate whenever the server keeps up.
     */
    static PhaseRatio ratio(PhaseResult baseline, PhaseResult compared) {
        boolean capacity = baseline.capacity() != null && compared.capacity() != null;
        double gain = capacity
                ? divide(compared.capacity().perSecond(), baseline.capacity().perSecond())
                : divide(compared.throughputPerSecond(), baseline.throughputPerSecond());
        return new PhaseRatio(baseline.phase(), compared.phase(),
                divide(baseline.latency().p50(), compared.latency().p50()),
                divide(baseline.latency().p99(), compared.latency().p99()),
                gain, capacity ? ThroughputBasis.CAPACITY : ThroughputBasis.OPEN_LOOP,
                baseline.dbStatementsPerRequest(), compared.dbStatementsPerRequest(),
                !baseline.keptUp() || !compared.keptUp());
    }

    private static List<TargetCheck> targets(List<PhaseResult> phases, List<PhaseRatio> ratios) {
        List<TargetCheck> checks = new ArrayList<>();
        find(phases, PhaseName.WARM).ifPresent(warm -> {
            checks.add(new TargetCheck("warm read hit rate", ">= " + TARGET_WARM_HIT_RATE, warm.readHitRate(),
                    warm.readHitRate() >= TARGET_WARM_HIT_RATE));
            checks.add(new TargetCheck("warm DB statements per request", "<= " + TARGET_WARM_STATEMENTS,
                    warm.dbStatementsPerRequest(), warm.dbStatementsPerRequest() <= TARGET_WARM_STATEMENTS));
        });
        ratios.stream().filter(r -> r.compared() == PhaseName.WARM).findFirst().ifPresent(warm -> {
            checks.add(new TargetCheck("p50 off / warm", ">= " + TARGET_P50_SPEEDUP, warm.p50Speedup(),
                    warm.p50Speedup() >= TARGET_P50_SPEEDUP));
            checks.add(new TargetCheck("throughput warm / off (" + warm.throughputBasis().label() + ")",
                    ">= " + TARGET_THROUGHPUT_GAIN, warm.throughputGain(), warm.throughputGain() >= TARGET_THROUGHPUT_GAIN));
        });
        return checks;
    }

    private static Optional<PhaseResult> find(List<PhaseResult> phases, PhaseName name) {
        return phases.stream().filter(p -> p.phase() == name && p.complete()).findFirst();
    }

    private static double divide(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }
}
