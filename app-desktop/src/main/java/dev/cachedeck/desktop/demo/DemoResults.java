package dev.cachedeck.desktop.demo;

import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseRatio;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ThroughputBasis;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Demo's results show: one bar group per phase and the headline ratios in words. Built from the
 * server's figures only; a ratio the report does not contain is not computed here.
 */
public record DemoResults(List<PhaseBars> phases, List<Headline> headlines) {

    /**
     * One phase's bars: latency in ms, throughput in requests/s (the phase's closed-loop capacity when it was
     * measured, else the open-loop rate it delivered), read hit rate in %, DB statements/request.
     */
    public record PhaseBars(PhaseName phase, double p50Millis, double p95Millis, double p99Millis,
                            double throughputPerSecond, double readHitRatePercent, double dbStatementsPerRequest,
                            boolean complete) {
    }

    /** A ratio in large type ({@code value}) with what it compares ({@code caption}). */
    public record Headline(String value, String caption) {
    }

    public static DemoResults of(List<PhaseResult> phases, List<PhaseRatio> ratios) {
        List<PhaseBars> bars = phases.stream().map(phase -> new PhaseBars(phase.phase(), phase.latency().p50(),
                phase.latency().p95(), phase.latency().p99(),
                phase.capacity() == null ? phase.throughputPerSecond() : phase.capacity().perSecond(),
                100 * phase.readHitRate(), phase.dbStatementsPerRequest(), phase.complete())).toList();
        return new DemoResults(bars, headlines(ratios));
    }

    private static List<Headline> headlines(List<PhaseRatio> ratios) {
        Optional<PhaseRatio> ratio = ratios.stream().filter(r -> r.baseline() == PhaseName.OFF
                && r.compared() == PhaseName.WARM).findFirst().or(() -> ratios.stream().findFirst());
        return ratio.map(r -> {
            String versus = "\n" + label(r.compared()) + " vs " + label(r.baseline());
            return List.of(
                    new Headline(times(r.p50Speedup()), "lower p50 latency" + versus),
                    new Headline(times(r.p99Speedup()), "lower p99 latency" + versus),
                    new Headline(times(r.throughputGain()), throughputCaption(r.throughputBasis()) + versus),
                    new Headline(String.format(Locale.ROOT, "%.2f → %.2f", r.baselineDbStatementsPerRequest(),
                            r.comparedDbStatementsPerRequest()), "DB statements per request" + versus));
        }).orElse(List.of());
    }

    private static String throughputCaption(ThroughputBasis basis) {
        return switch (basis) {
            case CAPACITY -> "higher capacity (closed loop)";
            case OPEN_LOOP -> "throughput at the offered rate";
        };
    }

    static String times(double ratio) {
        if (!Double.isFinite(ratio) || ratio <= 0) {
            return "—";
        }
        return String.format(Locale.ROOT, ratio >= 10 ? "×%.0f" : "×%.1f", ratio);
    }

    public static String label(PhaseName phase) {
        return switch (phase) {
            case OFF -> "cache off";
            case COLD -> "cold cache";
            case WARM -> "warm cache";
            case REDIS_DOWN -> "Redis down";
        };
    }
}
