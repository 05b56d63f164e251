package dev.cachedeck.server.metrics;

import io.helidon.config.Config;

/**
 * {@code cachedeck.metrics}: whether latency histograms and traces are recorded from the start (counters always
 * are), how many one-second ticks the series keeps and how many request traces the ring buffer keeps.
 */
public record MetricsSettings(boolean instrumented, int seriesTicks, int keptTraces) {

    public static MetricsSettings load(Config metrics) {
        return new MetricsSettings(
                metrics.get("instrumented").asBoolean().get(),
                metrics.get("series-ticks").asInt().get(),
                metrics.get("kept-traces").asInt().get());
    }
}
