package dev.cachedeck.model.bench;

import java.util.List;

/**
 * What {@code POST /admin/bench} runs: the same open-loop traffic in each phase, one phase after the other.
 *
 * @param phases          phases in running order
 * @param phaseSeconds    measured length of each phase
 * @param warmupSeconds   uncounted traffic before each phase's measurement (never before {@link PhaseName#COLD})
 * @param ratePerSecond   intended requests per second (open loop: the schedule does not wait for answers);
 *                        {@value #CALIBRATE}: probe the cache-off capacity first and offer about half of it
 * @param concurrency     most requests in flight at once; later ones wait, and that wait counts as latency
 * @param writePercent    share of requests that are writes (0–100)
 * @param zipfSkew        Zipf exponent for choosing users and jobs (0 = uniform)
 * @param dbDelayMillis   simulated database round trip added to every statement while the scenario runs
 * @param seed            seed of the request sequence: every phase's measured window sends the same requests,
 *                        and two runs with the same seed send the same traffic
 * @param capacitySeconds length of each phase's closed-loop saturation run after its latency window (0: none)
 */
public record ScenarioSpec(List<PhaseName> phases, double phaseSeconds, double warmupSeconds, int ratePerSecond,
                           int concurrency, int writePercent, double zipfSkew, double dbDelayMillis, long seed,
                           double capacitySeconds) {

    public static final int CALIBRATE = 0;
    public static final List<PhaseName> DEFAULT_PHASES = List.of(PhaseName.OFF, PhaseName.COLD, PhaseName.WARM);

    /**
     * The documented defaults: a calibrated rate, 95/5 read/write, Zipf 1.0, 20 s per phase after 5 s of
     * warm-up, then 5 s of capacity, no DB delay.
     */
    public static ScenarioSpec defaults() {
        return new ScenarioSpec(DEFAULT_PHASES, 20, 5, CALIBRATE, 64, 5, 1.0, 0, 42, 5);
    }

    public boolean calibrated() {
        return ratePerSecond == CALIBRATE;
    }

    /** The same scenario at a fixed {@code rate}. */
    public ScenarioSpec withRate(int rate) {
        return new ScenarioSpec(phases, phaseSeconds, warmupSeconds, rate, concurrency, writePercent, zipfSkew,
                dbDelayMillis, seed, capacitySeconds);
    }

    public ScenarioSpec {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** Requests the measured part of one phase intends to send (0 until a calibrated rate is chosen). */
    public long plannedRequestsPerPhase() {
        return Math.round(phaseSeconds * ratePerSecond);
    }
}
