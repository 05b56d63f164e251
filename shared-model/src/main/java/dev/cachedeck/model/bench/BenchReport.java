package dev.cachedeck.model.bench;

import java.time.Instant;
import java.util.List;

/**
 * The finished scenario: what ran, where, the figures per phase and route, the ratios and the targets.
 *
 * @param spec        as asked for ({@code ratePerSecond} 0: chosen by {@code calibration})
 * @param ceiling     closed-loop capacity of {@code GET /api/ping} on the same server, same connections; null when
 *                    capacity runs were off
 * @param calibration how the rate was chosen; null when the spec fixed it
 */
public record BenchReport(ScenarioSpec spec, BenchEnvironment environment, Instant startedAt, Instant finishedAt,
                          CapacityResult ceiling, Calibration calibration, List<PhaseResult> phases,
                          List<PhaseRatio> ratios, List<TargetCheck> targets) {

    public BenchReport {
        phases = List.copyOf(phases);
        ratios = List.copyOf(ratios);
        targets = List.copyOf(targets);
    }

    /** The rate every phase offered: the spec's, or the one calibration chose. */
    public int offeredRate() {
        return calibration != null ? calibration.chosenRate() : spec.ratePerSecond();
    }
}
