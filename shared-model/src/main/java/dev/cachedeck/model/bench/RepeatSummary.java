package dev.cachedeck.model.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** {@code repeat.json}: every ratio of N runs of the same scenario as median and spread. */
public record RepeatSummary(int runs, List<RatioSpread> ratios) {

    public RepeatSummary {
        ratios = List.copyOf(ratios);
    }

    /**
     * The spread of each ratio over {@code reports}: per pair of phases the p50 and p99 speed-ups and the
     * throughput gain, per phase the ceiling ratio, per target its measured figure. A figure missing from a run
     * (a phase stopped early) is left out of that figure's runs.
     */
    public static RepeatSummary of(List<BenchReport> reports) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        BiConsumer<String, Double> add = (name, value) -> values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        for (BenchReport report : reports) {
            for (PhaseRatio ratio : report.ratios()) {
                String pair = ratio.baseline().wireName() + " -> " + ratio.compared().wireName();
                add.accept(pair + " p50 speed-up", ratio.p50Speedup());
                add.accept(pair + " p99 speed-up", ratio.p99Speedup());
                add.accept(pair + " throughput gain (" + ratio.throughputBasis().label() + ")", ratio.throughputGain());
            }
            for (PhaseResult phase : report.phases()) {
                if (phase.ceilingRatio() != null) {
                    add.accept(phase.phase().wireName() + " capacity / ceiling", phase.ceilingRatio());
                }
            }
            for (TargetCheck target : report.targets()) {
                add.accept("target " + target.name(), target.measured());
            }
        }
        List<RatioSpread> spreads = new ArrayList<>();
        values.forEach((name, list) -> spreads.add(spread(name, list)));
        return new RepeatSummary(reports.size(), spreads);
    }

    static RatioSpread spread(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new RatioSpread(name, median, sorted.getFirst(), sorted.getLast(), n);
    }
}
