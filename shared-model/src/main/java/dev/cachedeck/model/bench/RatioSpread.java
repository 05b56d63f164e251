package dev.cachedeck.model.bench;

/**
 * One figure over the runs of {@code bench --repeat N}: its median and its range, so a result near a target
 * shows whether it is near only by noise.
 *
 * @param name e.g. {@code off -> warm p50 speed-up}
 * @param runs how many runs had the figure
 */
public record RatioSpread(String name, double median, double min, double max, int runs) {
}
