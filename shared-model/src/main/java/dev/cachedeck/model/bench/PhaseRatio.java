package dev.cachedeck.model.bench;

/**
 * How a later phase compares with an earlier one (usually off → warm).
 *
 * @param p50Speedup     baseline p50 / compared p50 (10 means ten times lower median latency)
 * @param p99Speedup     baseline p99 / compared p99
 * @param throughputGain compared throughput / baseline throughput, on {@code throughputBasis}: capacity when both
 *                       phases measured it, else open-loop req/s (about 1 when both ran at the offered rate)
 * @param baselineDbStatementsPerRequest and {@code comparedDbStatementsPerRequest}: the two raw figures, since a
 *                       ratio is undefined when the compared phase ran no statement at all
 * @param queueing       true when either phase did not keep up with the offered rate: its latency is then mostly
 *                       time spent waiting for a connection, so the latency ratios measure queueing delay, not
 *                       the cache's effect
 */
public record PhaseRatio(PhaseName baseline, PhaseName compared, double p50Speedup, double p99Speedup,
                         double throughputGain, ThroughputBasis throughputBasis,
                         double baselineDbStatementsPerRequest, double comparedDbStatementsPerRequest,
                         boolean queueing) {
}
