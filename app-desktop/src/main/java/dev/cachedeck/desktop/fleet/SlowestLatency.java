package dev.cachedeck.desktop.fleet;

import dev.cachedeck.model.monitor.LatencyPercentiles;
import java.util.List;

/**
 * Latency percentiles of several instances shown as one: the slowest instance's at each percentile, over the
 * requests of all. Percentiles of different instances cannot be added or averaged (the fleet's p95 may lie
 * anywhere between the instances' p95s), and the server gives no histograms to merge, so the fleet's figure is
 * an upper bound and the views say "slowest instance".
 */
public final class SlowestLatency {
    private SlowestLatency() {
    }

    /** Null entries (an instance that sent none) are skipped. */
    public static LatencyPercentiles of(List<LatencyPercentiles> instances) {
        long count = 0;
        long p50 = 0;
        long p95 = 0;
        long p99 = 0;
        long max = 0;
        for (LatencyPercentiles latency : instances) {
            if (latency == null) {
                continue;
            }
            count += latency.count();
            p50 = Math.max(p50, latency.p50Micros());
            p95 = Math.max(p95, latency.p95Micros());
            p99 = Math.max(p99, latency.p99Micros());
            max = Math.max(max, latency.maxMicros());
        }
        return new LatencyPercentiles(count, p50, p95, p99, max);
    }
}
