package dev.cachedeck.model.bench;

/** One point of a phase's latency distribution: {@code percentile} % of its requests took at most {@code millis}. */
public record PercentilePoint(double percentile, double millis) {
}
