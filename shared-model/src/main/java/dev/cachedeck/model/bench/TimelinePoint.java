package dev.cachedeck.model.bench;

/**
 * One second of a phase's measured window.
 *
 * @param second     seconds since the window began (0 = the first second)
 * @param throughput successful answers received during that second
 * @param p50        median latency (ms, from intended send time) of the requests due in that second
 * @param p99        99th percentile of the same requests
 */
public record TimelinePoint(int second, long throughput, double p50, double p99) {
}
