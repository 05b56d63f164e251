package dev.cachedeck.server.metrics;

/**
 * The switch for the costly part of the instrumentation: latency histograms and request traces. Counters
 * (requests, errors, tier hits and misses, SQL statements) are always kept; they cost a {@code LongAdder} each.
 */
public final class Instrumentation {
    private volatile boolean enabled;

    public Instrumentation(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
