package dev.cachedeck.model.bench;

import java.time.Instant;
import java.util.List;

/** The finished scenario: what ran, where, the figures per phase and route, the ratios and the targets. */
public record BenchReport(ScenarioSpec spec, BenchEnvironment environment, Instant startedAt, Instant finishedAt,
                          List<PhaseResult> phases, List<PhaseRatio> ratios, List<TargetCheck> targets) {

    public BenchReport {
        phases = List.copyOf(phases);
        ratios = List.copyOf(ratios);
        targets = List.copyOf(targets);
    }
}
