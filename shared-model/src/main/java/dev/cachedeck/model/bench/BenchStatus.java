package dev.cachedeck.model.bench;

import java.util.List;

/**
 * {@code GET /admin/bench}: the latest scenario's state, its progress and the figures so far.
 *
 * @param spec        what is running or ran (null when IDLE)
 * @param phase       the phase being run (null when not RUNNING, and during {@code step})
 * @param step        what runs before the phases, or null: {@code ceiling} (capacity of GET /api/ping) or
 *                    {@code calibration} (the cache-off probe that chooses the rate)
 * @param warmingUp   true while the current phase's uncounted warm-up runs
 * @param progress    0–1 over the whole scenario's planned time
 * @param elapsedSeconds since the scenario started
 * @param phases      finished phases and the running one's live figures ({@code complete = false})
 * @param report      the full report once DONE (or STOPPED with at least one phase finished)
 * @param error       why it FAILED
 */
public record BenchStatus(BenchState state, ScenarioSpec spec, PhaseName phase, String step, boolean warmingUp, double progress,
                          double elapsedSeconds, List<PhaseResult> phases, BenchReport report, String error) {

    public BenchStatus {
        phases = List.copyOf(phases);
    }

    public static BenchStatus idle() {
        return new BenchStatus(BenchState.IDLE, null, null, null, false, 0, 0, List.of(), null, null);
    }
}
