package dev.cachedeck.model.monitor;

/** Percentiles of request latency in microseconds over {@code count} requests; all zero when count is zero. */
public record LatencyPercentiles(long count, long p50Micros, long p95Micros, long p99Micros, long maxMicros) {
}
