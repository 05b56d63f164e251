package dev.cachedeck.desktop.demo;

import dev.cachedeck.model.bench.PercentilePoint;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseRatio;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ThroughputBasis;
import dev.cachedeck.model.bench.TimelinePoint;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the Demo's results show: one bar group per phase, the per-second and percentile lines, the headline
 * ratios in words, and a warning for every phase that could not keep up. Built from the server's figures only;
 * a ratio the report does not contain is not computed here.
 */
public record DemoResults(List<PhaseBars> phases, List<PhaseLines> lines, List<Headline> headlines,
                          List<String> warnings) {

    /**
     * One phase's bars: latency in ms, throughput in requests/s (the phase's closed-loop capacity when it was
     * measured, else the open-loop rate it delivered), read hit rate in %, DB statements/request.
     */
    public record PhaseBars(PhaseName phase, double p50Millis, double p95Millis, double p99Millis,
                            double throughputPerSecond, double readHitRatePercent, double dbStatementsPerRequest,
                            boolean complete, boolean keptUp) {
    }

    /** One phase's plotted lines: per second of its window, and its latency distribution. */
    public record PhaseLines(PhaseName phase, List<TimelinePoint> timeline, List<PercentilePoint> percentiles) {
    }

    /**
     * A ratio in large type ({@code value}) with what it compares ({@code caption}); {@code queueing} when a
     * phase saturated, so the latency ratio is queueing delay rather than the cache's effect.
     */
    public record Headline(String value, String caption, boolean queueing) {
    }

    public static DemoResults of(List<PhaseResult> phases, List<PhaseRatio> ratios) {
        List<PhaseBars> bars = phases.stream().map(phase -> new PhaseBars(phase.phase(), phase.latency().p50(),
                phase.latency().p95(), phase.latency().p99(),
                phase.capacity() == null ? phase.throughputPerSecond() : phase.capacity().perSecond(),
                100 * phase.readHitRate(), phase.dbStatementsPerRequest(), phase.complete(),
                !phase.complete() || phase.keptUp())).toList();
        List<PhaseLines> lines = phases.stream().filter(PhaseResult::complete)
                .map(phase -> new PhaseLines(phase.phase(), phase.timeline(), phase.percentiles())).toList();
        List<String> warnings = phases.stream().filter(phase -> phase.complete() && !phase.keptUp())
                .map(phase -> String.format(Locale.ROOT, "%s SATURATED: it answered %.0f of the %.0f requests/s "
                                + "offered and dropped %d. Its latency is queueing delay (waiting for a connection), "
                                + "not the cache's effect.", capitalised(label(phase.phase())), phase.achievedRate(),
                        phase.offeredRate(), phase.dropped())).toList();
        return new DemoResults(bars, lines, headlines(ratios, phases), warnings);
    }

    private static List<Headline> headlines(List<PhaseRatio> ratios, List<PhaseResult> phases) {
        Optional<PhaseRatio> ratio = ratios.stream().filter(r -> r.baseline() == PhaseName.OFF
                && r.compared() == PhaseName.WARM).findFirst().or(() -> ratios.stream().findFirst());
        return ratio.map(r -> {
            String versus = "\n" + label(r.compared()) + " vs " + label(r.baseline());
            String queueing = r.queueing() ? "\n" + saturatedNames(phases) + " saturated: queueing delay" : "";
            return List.of(
                    new Headline(times(r.p50Speedup()), "lower p50 latency" + versus + queueing, r.queueing()),
                    new Headline(times(r.p99Speedup()), "lower p99 latency" + versus + queueing, r.queueing()),
                    new Headline(times(r.throughputGain()), throughputCaption(r.throughputBasis()) + versus, false),
                    new Headline(String.format(Locale.ROOT, "%.2f → %.2f", r.baselineDbStatementsPerRequest(),
                            r.comparedDbStatementsPerRequest()), "DB statements per request" + versus, false));
        }).orElse(List.of());
    }

    private static String saturatedNames(List<PhaseResult> phases) {
        return capitalised(String.join(", ", phases.stream().filter(phase -> !phase.keptUp())
                .map(phase -> label(phase.phase())).toList()));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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
