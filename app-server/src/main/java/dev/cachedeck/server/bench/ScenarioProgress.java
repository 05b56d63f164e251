package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.BenchEnvironment;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.Calibration;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ScenarioSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's mutable progress, written by the thread that runs it and read as a {@link BenchStatus} by
 * others (the admin API, the command's progress lines); every method is synchronized for that reason.
 */
final class ScenarioProgress {
    private final ScenarioSpec spec;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final double plannedSeconds;
    private String step;
    private CapacityResult ceiling;
    private Calibration calibration;
    private final List<PhaseResult> finished = new ArrayList<>();
    private BenchState state = BenchState.RUNNING;
    private PhaseName phase;
    private double phasePlannedSeconds;
    private double donePlannedSeconds;
    private long phaseStartedNanos;
    private PhaseRecorder measuring;
    private PhaseResult measured;
    private long measureStartedNanos;
    private BenchReport report;
    private String error;
    private volatile boolean stopRequested;

    /** {@code probeSeconds}: how long a calibration probe runs, when the spec asks for one. */
    ScenarioProgress(ScenarioSpec spec, double probeSeconds) {
        this.spec = spec;
        double before = (spec.capacitySeconds() > 0 ? spec.capacitySeconds() + Scenario.CEILING_WARMUP_SECONDS : 0)
                + (spec.calibrated() ? probeSeconds : 0);
        this.plannedSeconds = before + spec.phases().stream()
                .mapToDouble(p -> (p == PhaseName.COLD ? 0 : spec.warmupSeconds()) + spec.phaseSeconds()
                        + spec.capacitySeconds()).sum();
    }

    /** A step before the phases begins ({@code ceiling}, {@code calibration}); its time counts as done after it. */
    synchronized void stepStarted(String name) {
        step = name;
    }

    synchronized void ceilingMeasured(CapacityResult measured) {
        ceiling = measured;
        step = null;
        donePlannedSeconds += spec.capacitySeconds() + Scenario.CEILING_WARMUP_SECONDS;
    }

    synchronized void calibrated(Calibration chosen, double probeSeconds) {
        calibration = chosen;
        step = null;
        donePlannedSeconds += probeSeconds;
    }

    ScenarioSpec spec() {
        return spec;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    synchronized boolean active() {
        return state == BenchState.RUNNING || state == BenchState.STOPPING;
    }

    synchronized void requestStop() {
        if (active()) {
            stopRequested = true;
            state = BenchState.STOPPING;
        }
    }

    synchronized void phaseStarted(PhaseName name, double warmupSeconds) {
        phase = name;
        phasePlannedSeconds = warmupSeconds + spec.phaseSeconds() + spec.capacitySeconds();
        phaseStartedNanos = System.nanoTime();
        measuring = null;
    }

    synchronized void measureStarted(PhaseRecorder recorder) {
        measuring = recorder;
        measureStartedNanos = System.nanoTime();
    }

    /** The open-loop window is over: its figures are final, the capacity run (if any) follows. */
    synchronized void latencyMeasured() {
        if (measuring != null) {
            measured = measuring.result(seconds(System.nanoTime() - measureStartedNanos), !stopRequested);
        }
        measuring = null;
    }

    synchronized void capacityMeasured(CapacityResult capacity) {
        if (measured != null) {
            measured = measured.withCapacity(capacity, ceiling);
        }
    }

    synchronized void phaseEnded() {
        if (measured != null) {
            finished.add(measured);
        }
        donePlannedSeconds += phasePlannedSeconds;
        measured = null;
        phase = null;
    }

    synchronized void finish(BenchEnvironment environment) {
        report = ReportBuilder.build(spec, environment, startedAt, Instant.now(), ceiling, calibration, finished);
        state = stopRequested ? BenchState.STOPPED : BenchState.DONE;
    }

    synchronized void fail(String reason) {
        error = reason;
        state = BenchState.FAILED;
    }

    synchronized BenchStatus status() {
        List<PhaseResult> phases = new ArrayList<>(finished);
        if (measuring != null) {
            phases.add(measuring.result(seconds(System.nanoTime() - measureStartedNanos), false));
        } else if (measured != null) {
            phases.add(measured.asIncomplete());
        }
        double inPhase = phase == null ? 0 : Math.min(phasePlannedSeconds, seconds(System.nanoTime() - phaseStartedNanos));
        double progress = active() ? Math.min(1, (donePlannedSeconds + inPhase) / plannedSeconds) : 1;
        return new BenchStatus(state, spec, phase, step, phase != null && measuring == null && measured == null, progress,
                seconds(System.nanoTime() - startedNanos), phases, report, error);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
