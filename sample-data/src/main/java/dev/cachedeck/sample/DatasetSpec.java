package dev.cachedeck.sample;

import java.time.Instant;

/**
 * Which dataset to generate: the seed fixes every value, the scale the row counts
 * (1.0 = 10k users, 50k jobs, 500k reviews, 200k payments), the anchor the "now" of the data.
 */
public record DatasetSpec(long seed, double scale, Instant anchor) {
    /** The seed app-server's {@code cachedeck.data.seed} defaults to; the same default gives the same data everywhere. */
    public static final long DEFAULT_SEED = 42;
    public static final double DEFAULT_SCALE = 1.0;
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2026-11-01T00:00:00Z");

    public DatasetSpec {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number above 0, got " + scale);
        }
    }

    public static DatasetSpec of(long seed, double scale) {
        return new DatasetSpec(seed, scale, DEFAULT_ANCHOR);
    }

    // Minimums keep a tiny test dataset usable: enough users that everyone has someone to review.
    public int users() {
        return Math.max(30, (int) Math.round(10_000 * scale));
    }

    public int jobs() {
        return Math.max(20, (int) Math.round(50_000 * scale));
    }

    public int reviews() {
        return Math.max(100, (int) Math.round(500_000 * scale));
    }

    public int payments() {
        return Math.max(40, (int) Math.round(200_000 * scale));
    }
}
