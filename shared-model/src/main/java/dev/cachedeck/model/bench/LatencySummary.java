package dev.cachedeck.model.bench;

/** Latency percentiles in milliseconds, measured from each request's intended send time. */
public record LatencySummary(double p50, double p95, double p99, double max, double mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);
}
